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
 * Creates the {@link EpochScores} of a stage: the metrics {@link MetricSchedule} picks for every
 * head, and the losses in effect (the stage's {@code loss}, else the experiment's), during training
 * as Keras computes them, or for summaries as Musket evaluates stored predictions.
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

  /** Which metrics {@code cfg} computes when, names resolved by this scoring's registry. */
  MetricSchedule schedule(ExperimentConfig cfg) {
    return new MetricSchedule(cfg, metrics::isKnown);
  }

  /** The config's {@code metrics} on training batches, as Keras computes them. */
  EpochScores training(ExperimentConfig cfg, StageConfig stage) {
    return scores(cfg, stage, MetricScope.TRAINING, cfg.training().metrics(), List.of());
  }

  /**
   * The epoch's validation numbers: the {@code metrics} as Keras computes them, and the final
   * metrics {@link MetricSchedule#validationEveryEpoch} asks for, computed as the summary does.
   */
  EpochScores validation(ExperimentConfig cfg, StageConfig stage) {
    return scores(
        cfg,
        stage,
        MetricScope.VALIDATION,
        cfg.training().metrics(),
        schedule(cfg).validationEveryEpoch());
  }

  /** What {@code summary.yaml} reports, as Musket evaluates stored predictions. */
  EpochScores summary(ExperimentConfig cfg, StageConfig stage) {
    return scores(cfg, stage, MetricScope.TRAINING, List.of(), schedule(cfg).summary());
  }

  private EpochScores scores(
      ExperimentConfig cfg,
      StageConfig stage,
      MetricScope scope,
      List<String> asTrained,
      List<String> asEvaluated) {
    List<LossExpression> expressions = lossesOf(cfg, stage);
    List<MetricContext> heads = MetricContext.forHeads(cfg.model(), expressions);
    EpochMetrics m =
        EpochMetrics.forTraining(metrics, asTrained, heads, scope)
            .followedBy(EpochMetrics.forEvaluation(metrics, asEvaluated, heads, scope));
    return new EpochScores(m, losses.forOutputs(expressions, cfg.model().classes().size()), scope);
  }
}
