package dev.musket.engine.train.metric;

import java.util.Arrays;

/**
 * ROC AUC over every output of every example seen (micro-average, as {@code tf.keras} flattens
 * multi-output heads), computed exactly: the Mann-Whitney statistic with tied scores counted as
 * half. Targets above 0.5 are positives. With a single class AUC is undefined; it is then 0, the
 * value {@code tf.keras.metrics.AUC} reports.
 *
 * <p>Why exact rather than Keras' 200-threshold approximation: the epoch's scores fit in memory
 * (one double pair per output), and an exact value does not depend on the threshold grid.
 */
public final class RocAuc implements Metric {

  private final String name;
  private double[] scores = new double[1024];
  private boolean[] positives = new boolean[1024];
  private int size;

  public RocAuc(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void update(double[][] predictions, double[][] targets) {
    Rows.requireSameShape(name, predictions, targets);
    for (int i = 0; i < predictions.length; i++) {
      for (int j = 0; j < predictions[i].length; j++) {
        add(predictions[i][j], Rows.positive(targets[i][j]));
      }
    }
  }

  private void add(double score, boolean positive) {
    if (size == scores.length) {
      scores = Arrays.copyOf(scores, size * 2);
      positives = Arrays.copyOf(positives, size * 2);
    }
    scores[size] = score;
    positives[size] = positive;
    size++;
  }

  @Override
  public double value() {
    if (size == 0) {
      return Double.NaN;
    }
    Integer[] order = new Integer[size];
    for (int k = 0; k < size; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double positiveRankSum = 0;
    long positiveCount = 0;
    int start = 0;
    while (start < size) {
      int end = start;
      while (end + 1 < size && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }
      double averageRank = (start + end) / 2.0 + 1; // ranks are 1-based
      for (int k = start; k <= end; k++) {
        if (positives[order[k]]) {
          positiveRankSum += averageRank;
          positiveCount++;
        }
      }
      start = end + 1;
    }
    long negativeCount = size - positiveCount;
    if (positiveCount == 0 || negativeCount == 0) {
      return 0;
    }
    return (positiveRankSum - positiveCount * (positiveCount + 1) / 2.0)
        / ((double) positiveCount * negativeCount);
  }

  @Override
  public void reset() {
    size = 0;
  }
}
