package dev.musket.engine.train.metric;

/**
 * Musket's {@code iou} / {@code iou_coef}, on probabilities (no threshold): per example {@code 2
 * (sum y p + 1) / (sum y + sum p + 1)}, averaged over examples. This is Musket's own definition (a
 * smoothed, Dice-like score that is not bounded by 1: an exact all-negative match scores 2), kept
 * so that monitored values and thresholds from Musket projects mean the same here.
 */
public final class IouCoefficient extends MeanOverExamples {

  public IouCoefficient(String name) {
    super(name);
  }

  @Override
  protected double exampleValue(double[] prediction, double[] target) {
    double intersection = 1;
    double union = 1;
    for (int j = 0; j < prediction.length; j++) {
      intersection += target[j] * prediction[j];
      union += target[j] + prediction[j];
    }
    return 2 * intersection / union;
  }
}
