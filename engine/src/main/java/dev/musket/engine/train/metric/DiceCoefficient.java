package dev.musket.engine.train.metric;

/**
 * Musket's {@code dice} metric: predictions and targets thresholded at 0.5, then {@code 2 |X & Y| /
 * (|X| + |Y| + 1e-10)} over everything seen; 0 when both are empty, as Musket's formula gives.
 */
public final class DiceCoefficient extends CountingMetric {

  private static final double EPSILON = 1e-10;

  public DiceCoefficient(String name) {
    super(name);
  }

  @Override
  protected double fromCounts(ConfusionCounts c) {
    double intersection = c.truePositives;
    double sizes = 2.0 * c.truePositives + c.falsePositives + c.falseNegatives;
    return 2 * intersection / (sizes + EPSILON);
  }
}
