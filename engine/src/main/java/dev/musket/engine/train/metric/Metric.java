package dev.musket.engine.train.metric;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A metric accumulated over an epoch: {@link #update} once per batch, {@link #value} at the end,
 * {@link #reset} before the next epoch. Arrays are {@code [batch, outputs]}: activated predictions
 * and targets of one output head.
 *
 * <p>Why accumulate rather than average per-batch values as Keras 2.2.4 does: F1, AUC, MCC and Dice
 * are not averages of per-batch values, and an epoch's value should not depend on how the epoch was
 * cut into batches. For metrics that are means over examples (accuracies, mse, mae) the two agree
 * exactly.
 */
public interface Metric {

  /** The name this metric is logged under (before {@code val_}/output prefixes). */
  String name();

  void update(double[][] predictions, double[][] targets);

  default void update(float[][] predictions, float[][] targets) {
    update(Rows.of(predictions), Rows.of(targets));
  }

  default void update(INDArray predictions, INDArray targets) {
    update(Rows.of(predictions), Rows.of(targets));
  }

  /** The value over everything since the last reset; NaN before any update. */
  double value();

  void reset();
}
