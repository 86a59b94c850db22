package dev.musket.engine.train.metric;

/** A metric computed from the epoch's {@link ConfusionCounts}. */
abstract class CountingMetric implements Metric {

  private final String name;
  private final ConfusionCounts counts = new ConfusionCounts();

  CountingMetric(String name) {
    this.name = name;
  }

  protected abstract double fromCounts(ConfusionCounts counts);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void update(double[][] predictions, double[][] targets) {
    Rows.requireSameShape(name, predictions, targets);
    counts.add(predictions, targets);
  }

  @Override
  public final double value() {
    return counts.total() == 0 ? Double.NaN : fromCounts(counts);
  }

  @Override
  public final void reset() {
    counts.clear();
  }

  /** {@code a / b}, or 0 when b is 0 (Keras' epsilon in the denominator gives the same 0). */
  static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }
}
