package dev.musket.engine.train.metric;

/** Which data a metric was computed on, which Musket writes into its name. */
public enum MetricScope {
  /** The training batches: the bare name. */
  TRAINING,
  /** The fold's validation data: {@code val_} prefix. */
  VALIDATION,
  /** The holdout, after training: {@code _holdout} suffix. */
  HOLDOUT
}
