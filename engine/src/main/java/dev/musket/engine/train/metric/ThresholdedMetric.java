package dev.musket.engine.train.metric;

/**
 * A metric fed predictions thresholded at 0.5, as Musket evaluates Keras metrics on stored
 * predictions for its summaries and holdout reports (unless a metric opts out).
 */
final class ThresholdedMetric implements Metric {

  private final Metric inner;

  ThresholdedMetric(Metric inner) {
    this.inner = inner;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void update(double[][] predictions, double[][] targets) {
    double[][] binary = new double[predictions.length][];
    for (int i = 0; i < predictions.length; i++) {
      binary[i] = new double[predictions[i].length];
      for (int j = 0; j < predictions[i].length; j++) {
        binary[i][j] = Rows.positive(predictions[i][j]) ? 1 : 0;
      }
    }
    inner.update(binary, targets);
  }

  @Override
  public double value() {
    return inner.value();
  }

  @Override
  public void reset() {
    inner.reset();
  }
}
