package dev.musket.engine.train.metric;

/**
 * F1 {@code 2 TP / (2 TP + FP + FN)} (the harmonic mean of precision and recall) over all outputs
 * at threshold 0.5, i.e. micro-averaged; 0 when there are neither positives nor positive
 * predictions, as Keras' epsilon-guarded formula gives. See {@link MacroF1} for the per-class mean.
 */
public final class F1Score extends CountingMetric {

  public F1Score(String name) {
    super(name);
  }

  @Override
  protected double fromCounts(ConfusionCounts c) {
    return ratio(
        2.0 * c.truePositives, 2.0 * c.truePositives + c.falsePositives + c.falseNegatives);
  }
}
