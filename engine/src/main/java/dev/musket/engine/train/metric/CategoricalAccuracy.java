package dev.musket.engine.train.metric;

/**
 * Keras' {@code categorical_accuracy}: the share of examples whose predicted arg-max equals the
 * target's (one-hot) arg-max; ties go to the first index, as in TensorFlow.
 */
public final class CategoricalAccuracy extends MeanOverExamples {

  public CategoricalAccuracy(String name) {
    super(name);
  }

  @Override
  protected double exampleValue(double[] prediction, double[] target) {
    return Rows.argmax(prediction) == Rows.argmax(target) ? 1 : 0;
  }
}
