package dev.musket.engine.train.metric;

/** Keras' {@code mse} metric: squared errors averaged over outputs, then over examples. */
public final class MeanSquaredErrorMetric extends MeanOverExamples {

  public MeanSquaredErrorMetric(String name) {
    super(name);
  }

  @Override
  protected double exampleValue(double[] prediction, double[] target) {
    double sum = 0;
    for (int j = 0; j < prediction.length; j++) {
      double d = prediction[j] - target[j];
      sum += d * d;
    }
    return sum / prediction.length;
  }
}
