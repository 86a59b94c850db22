package dev.musket.engine.train.lrfinder;

import dev.musket.engine.report.XyLineChart;
import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files of an LR finder run: {@code lrfinder.csv} (one row per batch) and two plots, the loss
 * against the lr on a log axis and the loss change against the lr, both with the suggestion and its
 * range marked. Each file is written atomically.
 */
public final class LrFinderReport {

  public static final String CSV = "lrfinder.csv";
  public static final String LOSS_PLOT = "lrfinder-loss.png";
  public static final String CHANGE_PLOT = "lrfinder-loss-change.png";
  public static final String CSV_HEADER = "batch,lr,loss,smoothed_loss,loss_change";

  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;

  private LrFinderReport() {}

  /** Writes the CSV and both plots into {@code dir}. */
  public static void write(LrFinderResult result, Path dir) throws IOException {
    AtomicFiles.writeString(dir.resolve(CSV), csv(result.points()));
    List<LrFinderPoint> points = result.points();
    double[] lr = points.stream().mapToDouble(LrFinderPoint::lr).toArray();
    XyLineChart loss =
        new XyLineChart("LR finder: loss", "learning rate (log scale)", "loss")
            .logX()
            .series("loss", lr, points.stream().mapToDouble(LrFinderPoint::loss).toArray())
            .series(
                "smoothed loss",
                lr,
                points.stream().mapToDouble(LrFinderPoint::smoothedLoss).toArray());
    XyLineChart change =
        new XyLineChart(
                "LR finder: loss change (moving average)",
                "learning rate (log scale)",
                "loss change per batch")
            .logX()
            .series(
                "loss change",
                lr,
                points.stream().mapToDouble(LrFinderPoint::lossChange).toArray());
    result
        .suggestion()
        .ifPresent(
            s -> {
              for (XyLineChart chart : List.of(loss, change)) {
                chart
                    .band(s.rangeLow(), s.rangeHigh(), "range")
                    .marker(s.lr(), "suggested " + format(s.lr()));
              }
            });
    loss.writePng(dir.resolve(LOSS_PLOT), WIDTH, HEIGHT);
    change.writePng(dir.resolve(CHANGE_PLOT), WIDTH, HEIGHT);
  }

  /**
   * The CSV text: a header, then one row per batch; the loss change of the first window's batches
   * (undefined) is left empty.
   */
  static String csv(List<LrFinderPoint> points) {
    StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
    for (LrFinderPoint p : points) {
      sb.append(p.batch())
          .append(',')
          .append(p.lr())
          .append(',')
          .append(p.loss())
          .append(',')
          .append(p.smoothedLoss())
          .append(',')
          .append(Double.isNaN(p.lossChange()) ? "" : Double.toString(p.lossChange()))
          .append('\n');
    }
    return sb.toString();
  }

  /** A learning rate with three significant digits, as the CLI and the plots show it. */
  public static String format(double lr) {
    return String.format(Locale.ROOT, "%.3g", lr);
  }
}
