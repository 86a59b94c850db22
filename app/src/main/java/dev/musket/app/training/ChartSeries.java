package dev.musket.app.training;

import java.util.Arrays;

/**
 * One line of a chart as plain numbers, grown by appending. The view copies the points it has not
 * seen yet (from its last {@link #size()}) into its JFreeChart series in one batch.
 *
 * <p>Per-batch series are capped ({@link #addSampled}): a long run has hundreds of thousands of
 * batches, and redrawing them all at every pulse would make the FX thread stutter while adding
 * nothing a chart a few hundred pixels wide can show. At the cap, neighbouring points are averaged
 * in pairs and later points average twice as many batches; the {@link #generation()} changes then,
 * so the view reloads the series.
 */
public final class ChartSeries {

  /** Most points a per-batch series keeps. */
  static final int MAX_SAMPLED = 2048;

  private final String key;
  private final String label;
  private double[] xs = new double[16];
  private double[] ys = new double[16];
  private int size;
  private int stride = 1;
  private int pendingCount;
  private double pendingSum;
  private int generation;

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

  /** Changes when earlier points were rewritten (compacted); the view then reloads them all. */
  public int generation() {
    return generation;
  }

  /** How many batches each newest point averages. */
  int stride() {
    return stride;
  }

  /** Adds a per-batch value: averaged over the current stride, compacted at the cap. */
  void addSampled(double x, double y) {
    pendingSum += y;
    pendingCount++;
    if (pendingCount < stride) {
      return;
    }
    add(x, pendingSum / pendingCount);
    pendingSum = 0;
    pendingCount = 0;
    if (size >= MAX_SAMPLED) {
      compact();
    }
  }

  private void compact() {
    int half = size / 2;
    for (int i = 0; i < half; i++) {
      xs[i] = xs[2 * i + 1];
      ys[i] = (ys[2 * i] + ys[2 * i + 1]) / 2;
    }
    if (size % 2 == 1) {
      xs[half] = xs[size - 1];
      ys[half] = ys[size - 1];
      half++;
    }
    size = half;
    stride *= 2;
    generation++;
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
