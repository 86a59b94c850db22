package dev.musket.engine.train.metric;

/**
 * A metric that is the mean over examples of a per-example value (Keras' accuracies, mse, mae):
 * Keras' batch-size-weighted epoch average, computed exactly.
 */
abstract class MeanOverExamples implements Metric {

  private final String name;
  private double sum;
  private long count;

  MeanOverExamples(String name) {
    this.name = name;
  }

  /** One example's value. */
  protected abstract double exampleValue(double[] prediction, double[] target);

  /** Whether predictions and targets must have the same width (not for sparse targets). */
  protected boolean sameWidth() {
    return true;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void update(double[][] predictions, double[][] targets) {
    if (sameWidth()) {
      Rows.requireSameShape(name, predictions, targets);
    } else if (predictions.length != targets.length) {
      throw new IllegalArgumentException(
          name + ": " + predictions.length + " predictions but " + targets.length + " targets");
    }
    for (int i = 0; i < predictions.length; i++) {
      sum += exampleValue(predictions[i], targets[i]);
    }
    count += predictions.length;
  }

  @Override
  public final double value() {
    return count == 0 ? Double.NaN : sum / count;
  }

  @Override
  public final void reset() {
    sum = 0;
    count = 0;
  }
}
