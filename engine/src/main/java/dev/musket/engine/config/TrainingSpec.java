package dev.musket.engine.config;

import java.util.List;

/**
 * How to train: optimizer, losses, metrics, the primary metric, callbacks and stages.
 *
 * @param finalMetrics metrics computed after training on the stored predictions ({@code
 *     final_metrics})
 * @param experimentResult the metric whose all-stages value is the experiment's score, or {@code
 *     null}
 */
public record TrainingSpec(
    String optimizer,
    double lr,
    Double clipnorm,
    Double clipvalue,
    int batch,
    int inferenceBatch,
    List<LossExpression> losses,
    List<String> metrics,
    String primaryMetric,
    String primaryMetricMode,
    List<FinalMetric> finalMetrics,
    String experimentResult,
    List<ComponentSpec> callbacks,
    List<StageConfig> stages,
    Integer maxEpochSize,
    boolean saveLast,
    boolean dumpPredictionsToCSV) {

  public TrainingSpec {
    losses = List.copyOf(losses);
    metrics = List.copyOf(metrics);
    finalMetrics = List.copyOf(finalMetrics);
    callbacks = List.copyOf(callbacks);
    stages = List.copyOf(stages);
  }
}
