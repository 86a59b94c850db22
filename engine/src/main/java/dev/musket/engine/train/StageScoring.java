package dev.musket.engine.train;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.LossExpression;
import dev.musket.engine.config.StageConfig;
import dev.musket.engine.train.loss.LossRegistry;
import dev.musket.engine.train.metric.EpochMetrics;
import dev.musket.engine.train.metric.MetricContext;
import dev.musket.engine.train.metric.MetricRegistry;
import dev.musket.engine.train.metric.MetricScope;
import java.util.List;

/**
 * Creates the {@link EpochScores} of a stage: the config's {@code metrics} for every head, and the
 * losses in effect (the stage's {@code loss}, else the experiment's), during training as Keras
 * computes them, or for summaries as Musket evaluates stored predictions.
 */
final class StageScoring {

  private final MetricRegistry metrics;
  private final LossRegistry losses;

  StageScoring(MetricRegistry metrics, LossRegistry losses) {
    this.metrics = metrics;
    this.losses = losses;
  }

  /** The loss expressions a stage trains with; {@code stage} null means the experiment's. */
  static List<LossExpression> lossesOf(ExperimentConfig cfg, StageConfig stage) {
    return stage != null && stage.losses() != null && !stage.losses().isEmpty()
        ? stage.losses()
        : cfg.training().losses();
  }

  EpochScores scores(
      ExperimentConfig cfg, StageConfig stage, MetricScope scope, boolean forEvaluation) {
    List<LossExpression> expressions = lossesOf(cfg, stage);
    List<MetricContext> heads = MetricContext.forHeads(cfg.model(), expressions);
    List<String> names = cfg.training().metrics();
    EpochMetrics m =
        forEvaluation
            ? EpochMetrics.forEvaluation(metrics, names, heads, scope)
            : EpochMetrics.forTraining(metrics, names, heads, scope);
    return new EpochScores(m, losses.forOutputs(expressions, cfg.model().classes().size()), scope);
  }
}
