package dev.musket.engine.train.metric;

/**
 * Musket's {@code matthews_correlation}: {@code (TP TN - FP FN) /
 * (sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)) + 1e-7)} over all outputs at threshold 0.5; 0 when a factor
 * is 0 (e.g. a single class).
 */
public final class MatthewsCorrelation extends CountingMetric {

  private static final double EPSILON = 1e-7;

  public MatthewsCorrelation(String name) {
    super(name);
  }

  @Override
  protected double fromCounts(ConfusionCounts c) {
    double tp = c.truePositives;
    double tn = c.trueNegatives;
    double fp = c.falsePositives;
    double fn = c.falseNegatives;
    double denominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
    return (tp * tn - fp * fn) / (denominator + EPSILON);
  }
}
