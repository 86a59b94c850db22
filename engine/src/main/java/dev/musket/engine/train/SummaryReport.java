package dev.musket.engine.train;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.StageConfig;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.ExperimentSummary;
import dev.musket.engine.experiment.MetricsSummary;
import dev.musket.engine.experiment.SkippedImages;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@code summary.yaml} as Musket's {@code generateReports} did, from each fold's best
 * weights of each stage:
 *
 * <ul>
 *   <li>per stage, every metric (and {@code loss}) on each fold's validation set, summarised over
 *       the folds as mean/max/min/std; with a holdout, {@code <metric>_holdout} on the holdout,
 *       predicted by the ensemble (mean) of the folds;
 *   <li>{@code allStages}: the same with each fold's predictions averaged over its stages, and on
 *       the holdout over all folds and stages;
 *   <li>with {@code skip_bad_images: true}, {@code skippedImages} (how many images the run dropped)
 *       and {@code skippedImageIds} (which), so a run that trained on fewer images than the source
 *       lists says so where its results are.
 * </ul>
 *
 * The metrics are the config's {@code metrics}, its {@code final_metrics} and {@code
 * experiment_result}'s ({@link MetricSchedule#summary}), evaluated as Musket's summaries did
 * (predictions thresholded at 0.5 unless the metric opts out).
 */
final class SummaryReport {

  private static final Logger LOG = LoggerFactory.getLogger(SummaryReport.class);

  private final ExperimentConfig cfg;
  private final ExperimentFolder folder;
  private final StageScoring scoring;
  private final CancellationToken token;

  SummaryReport(
      ExperimentConfig cfg,
      ExperimentFolder folder,
      StageScoring scoring,
      CancellationToken token) {
    this.cfg = cfg;
    this.folder = folder;
    this.scoring = scoring;
    this.token = token;
  }

  /**
   * @param validation the validation iterator of a fold
   * @param holdout the holdout iterator, or {@code null} without a holdout
   * @param skipped the bad images the dataset dropped
   */
  ExperimentSummary build(
      List<Integer> folds,
      IntFunction<MultiDataSetIterator> validation,
      MultiDataSetIterator holdout,
      SkippedImages skipped)
      throws IOException {
    int stages = cfg.training().stages().size();
    Map<Integer, List<PredictionSet>> validationByFold = new TreeMap<>();
    List<PredictionSet> holdoutAll = new ArrayList<>();
    List<MetricsSummary> stageSummaries = new ArrayList<>();
    for (int stage = 0; stage < stages; stage++) {
      StageConfig st = cfg.training().stages().get(stage);
      Map<String, List<Double>> perFold = new LinkedHashMap<>();
      List<PredictionSet> holdoutOfStage = new ArrayList<>();
      for (int fold : folds) {
        var weights = folder.bestWeights(fold, stage);
        if (!Files.exists(weights)) {
          LOG.warn("{} is missing (no epoch improved); fold {} is left out", weights, fold);
          continue;
        }
        ComputationGraph network = NetworkFiles.load(weights);
        PredictionSet val = PredictionSet.predict(network, validation.apply(fold), token);
        validationByFold.computeIfAbsent(fold, f -> new ArrayList<>()).add(val);
        add(perFold, score(val, st));
        if (holdout != null) {
          PredictionSet h = PredictionSet.predict(network, holdout, token);
          holdoutOfStage.add(h);
          holdoutAll.add(h);
        }
      }
      Map<String, Double> holdoutValues =
          holdoutOfStage.isEmpty() ? Map.of() : score(PredictionSet.mean(holdoutOfStage), st);
      stageSummaries.add(MetricsSummary.fromFoldValues(perFold, holdoutValues));
    }
    Map<String, List<Double>> allPerFold = new LinkedHashMap<>();
    for (List<PredictionSet> sets : validationByFold.values()) {
      add(allPerFold, score(PredictionSet.mean(sets), null));
    }
    Map<String, Double> allHoldout =
        holdoutAll.isEmpty() ? Map.of() : score(PredictionSet.mean(holdoutAll), null);
    return new ExperimentSummary(
        cfg.file().getFileName().toString(),
        1.0,
        folds,
        stageSummaries,
        MetricsSummary.fromFoldValues(allPerFold, allHoldout),
        skipped);
  }

  private Map<String, Double> score(PredictionSet set, StageConfig stage) {
    EpochScores scores = scoring.summary(cfg, stage);
    set.scoreInto(scores);
    return scores.values(true);
  }

  private static void add(Map<String, List<Double>> perFold, Map<String, Double> values) {
    values.forEach((k, v) -> perFold.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
  }
}
