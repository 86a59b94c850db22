package dev.musket.app.training;

import java.util.Arrays;

/**
 * One line of a chart as plain numbers, grown by appending. The view copies the points it has not
 * seen yet (from its last {@link #size()}) into its JFreeChart series in one batch.
 */
public final class ChartSeries {

  private final String key;
  private final String label;
  private double[] xs = new double[16];
  private double[] ys = new double[16];
  private int size;

  ChartSeries(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** Stable identity within its chart, e.g. {@code 0.1 val}. */
  public String key() {
    return key;
  }

  /** What the legend shows, e.g. {@code fold 0 stage 1 val}. */
  public String label() {
    return label;
  }

  public int size() {
    return size;
  }

  public double x(int i) {
    return xs[i];
  }

  public double y(int i) {
    return ys[i];
  }

  void add(double x, double y) {
    if (size == xs.length) {
      xs = Arrays.copyOf(xs, size * 2);
      ys = Arrays.copyOf(ys, size * 2);
    }
    xs[size] = x;
    ys[size] = y;
    size++;
  }
}
