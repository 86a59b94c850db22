package dev.musket.engine.evaluate;

import dev.musket.engine.experiment.FoldStage;
import dev.musket.engine.predict.PredictionSource;
import dev.musket.engine.predict.TtaMode;
import java.util.List;

/**
 * How well an experiment's ensemble predicts a labelled selection: per output, the confusion
 * matrix, per-class precision / recall / F1 and the top-loss items. Plain data for the CLI's files
 * and the desktop app's views.
 */
public record Evaluation(
    String experiment,
    PredictionSource source,
    List<FoldStage> members,
    TtaMode tta,
    int items,
    List<OutputEvaluation> outputs) {}
