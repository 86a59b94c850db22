package dev.musket.engine.train.metric;

/**
 * Keras' {@code sparse_categorical_accuracy}: targets are class indices ({@code [batch, 1]}); an
 * example counts when the predicted arg-max equals its index.
 */
public final class SparseCategoricalAccuracy extends MeanOverExamples {

  public SparseCategoricalAccuracy(String name) {
    super(name);
  }

  @Override
  protected boolean sameWidth() {
    return false;
  }

  @Override
  protected double exampleValue(double[] prediction, double[] target) {
    if (target.length != 1) {
      throw new IllegalArgumentException(
          name() + " takes class indices, targets of shape [batch, 1]; got " + target.length);
    }
    return Rows.argmax(prediction) == target[0] ? 1 : 0;
  }
}
