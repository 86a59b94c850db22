package dev.musket.engine.train.metric;

/**
 * Keras' {@code binary_accuracy}: per example, the share of outputs whose prediction, thresholded
 * at 0.5, equals the target; averaged over examples. Soft targets never count as equal.
 */
public final class BinaryAccuracy extends MeanOverExamples {

  public BinaryAccuracy(String name) {
    super(name);
  }

  @Override
  protected double exampleValue(double[] prediction, double[] target) {
    int equal = 0;
    for (int j = 0; j < prediction.length; j++) {
      if (target[j] == (Rows.positive(prediction[j]) ? 1 : 0)) {
        equal++;
      }
    }
    return (double) equal / prediction.length;
  }
}
