package dev.musket.app.experiments;

/**
 * One curve of the comparison chart: a metric against epoch for one experiment, fold and stage (or
 * the mean over folds). Points whose value is NaN are gaps, as in the metrics CSV ({@code NA}).
 *
 * @param fold the fold, or -1 for the mean over folds
 */
public record ComparisonSeries(
    String experiment, int fold, int stage, String name, double[] epochs, double[] values) {

  public int size() {
    return epochs.length;
  }
}
