package dev.musket.engine.report;

import dev.musket.engine.util.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A line chart of one or more XY series rendered to PNG without a screen (Java2D only), for the
 * engine's reports: optional log x axis, vertical marker lines and shaded x ranges.
 *
 * <p>Why it skips points: a log axis cannot place x &lt;= 0, and NaN or infinite values (a diverged
 * loss, a change not yet defined) would break the line or the axis range; they are left out rather
 * than failing the report.
 */
public final class XyLineChart {

  private static final Color MARKER = new Color(0xC0392B);
  private static final Color BAND = new Color(0x27AE60);

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final XYSeriesCollection dataset = new XYSeriesCollection();
  private final List<ValueMarker> markers = new ArrayList<>();
  private final List<IntervalMarker> bands = new ArrayList<>();
  private boolean logX;

  public XyLineChart(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** Draws x on a base-10 log axis (points with x &lt;= 0 are left out). */
  public XyLineChart logX() {
    this.logX = true;
    return this;
  }

  /** Adds a line; {@code x} and {@code y} have the same length. */
  public XyLineChart series(String name, double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "series '" + name + "' has " + x.length + " x values but " + y.length + " y values");
    }
    XYSeries series = new XYSeries(name, false, true);
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logX || x[i] > 0)) {
        series.add(x[i], y[i], false);
      }
    }
    dataset.addSeries(series);
    return this;
  }

  /** A labelled vertical line at {@code x}. */
  public XyLineChart marker(double x, String label) {
    ValueMarker m = new ValueMarker(x, MARKER, new BasicStroke(1.5f));
    m.setLabel(label);
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    m.setLabelPaint(MARKER);
    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    markers.add(m);
    return this;
  }

  /** A labelled, shaded x range. */
  public XyLineChart band(double from, double to, String label) {
    IntervalMarker m = new IntervalMarker(Math.min(from, to), Math.max(from, to));
    m.setPaint(BAND);
    m.setAlpha(0.15f);
    m.setLabel(label);
    m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    m.setLabelAnchor(RectangleAnchor.BOTTOM);
    m.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
    bands.add(m);
    return this;
  }

  /** The chart, for callers that render it themselves. */
  public JFreeChart toChart() {
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title,
            xLabel,
            yLabel,
            dataset,
            PlotOrientation.VERTICAL,
            dataset.getSeriesCount() > 1,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    if (logX) {
      LogAxis axis = new LogAxis(xLabel);
      axis.setBase(10);
      axis.setNumberFormatOverride(new DecimalFormat("0.#E0"));
      axis.setSmallestValue(1e-12);
      plot.setDomainAxis(axis);
    }
    plot.getRangeAxis().setAutoRange(true);
    if (plot.getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis n) {
      n.setAutoRangeIncludesZero(false);
    }
    bands.forEach(b -> plot.addDomainMarker(b, Layer.BACKGROUND));
    markers.forEach(m -> plot.addDomainMarker(m, Layer.FOREGROUND));
    return chart;
  }

  /** The chart as PNG bytes. */
  public byte[] png(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChartUtils.writeChartAsPNG(out, toChart(), width, height);
    return out.toByteArray();
  }

  /** Writes the chart as a PNG file, atomically. */
  public void writePng(Path file, int width, int height) throws IOException {
    AtomicFiles.write(file, png(width, height));
  }
}
