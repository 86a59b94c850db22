package dev.musket.engine.train.metric;

/**
 * Precision {@code TP / (TP + FP)} over all outputs at threshold 0.5 (Keras 1's {@code precision},
 * computed over the epoch); 0 when nothing was predicted positive.
 */
public final class Precision extends CountingMetric {

  public Precision(String name) {
    super(name);
  }

  @Override
  protected double fromCounts(ConfusionCounts c) {
    return ratio(c.truePositives, c.truePositives + c.falsePositives);
  }
}
