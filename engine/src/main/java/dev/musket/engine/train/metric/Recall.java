package dev.musket.engine.train.metric;

/**
 * Recall {@code TP / (TP + FN)} over all outputs at threshold 0.5 (Keras 1's {@code recall},
 * computed over the epoch); 0 when there are no positives.
 */
public final class Recall extends CountingMetric {

  public Recall(String name) {
    super(name);
  }

  @Override
  protected double fromCounts(ConfusionCounts c) {
    return ratio(c.truePositives, c.truePositives + c.falseNegatives);
  }
}
