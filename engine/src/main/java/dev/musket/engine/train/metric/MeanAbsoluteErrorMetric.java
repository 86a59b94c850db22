package dev.musket.engine.train.metric;

/** Keras' {@code mae} metric: absolute errors averaged over outputs, then over examples. */
public final class MeanAbsoluteErrorMetric extends MeanOverExamples {

  public MeanAbsoluteErrorMetric(String name) {
    super(name);
  }

  @Override
  protected double exampleValue(double[] prediction, double[] target) {
    double sum = 0;
    for (int j = 0; j < prediction.length; j++) {
      sum += Math.abs(prediction[j] - target[j]);
    }
    return sum / prediction.length;
  }
}
