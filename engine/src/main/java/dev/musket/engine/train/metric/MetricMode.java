package dev.musket.engine.train.metric;

/** Whether a monitored metric improves when it falls ({@code min}) or rises ({@code max}). */
public enum MetricMode {
  MIN,
  MAX;

  /** {@code true} when {@code candidate} is better than {@code best}; NaN is never better. */
  public boolean isBetter(double candidate, double best) {
    if (Double.isNaN(candidate)) {
      return false;
    }
    if (Double.isNaN(best)) {
      return true;
    }
    return this == MIN ? candidate < best : candidate > best;
  }
}
