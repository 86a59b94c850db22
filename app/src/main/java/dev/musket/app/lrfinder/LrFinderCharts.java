package dev.musket.app.lrfinder;

import dev.musket.engine.train.lrfinder.LrFinderPoint;
import dev.musket.engine.train.lrfinder.LrSuggestion;
import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The LR finder's two live charts (loss and loss change against a log lr axis) and their series,
 * fed in batches: each batch of points changes the series once, so a chart redraws once per pulse
 * rather than once per point.
 */
final class LrFinderCharts {

  private static final Color SUGGESTION = new Color(0xC0392B);
  private static final Color RANGE = new Color(0x27AE60);

  private final XYSeries loss = new XYSeries("loss", false, true);
  private final XYSeries smoothed = new XYSeries("smoothed loss", false, true);
  private final XYSeries change = new XYSeries("loss change", false, true);
  private final JFreeChart lossChart;
  private final JFreeChart changeChart;

  LrFinderCharts() {
    lossChart = chart("Loss", "loss", new XYSeriesCollection(), loss, smoothed);
    changeChart =
        chart("Loss change (moving average)", "change per batch", new XYSeriesCollection(), change);
  }

  private static JFreeChart chart(
      String title, String yLabel, XYSeriesCollection data, XYSeries... series) {
    for (XYSeries s : series) {
      data.addSeries(s);
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, "learning rate", yLabel, data, PlotOrientation.VERTICAL, true, true, false);
    XYPlot plot = chart.getXYPlot();
    LogAxis axis = new LogAxis("learning rate (log scale)");
    axis.setBase(10);
    axis.setSmallestValue(1e-12);
    axis.setNumberFormatOverride(new DecimalFormat("0.#E0"));
    plot.setDomainAxis(axis);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    chart.setAntiAlias(true);
    return chart;
  }

  JFreeChart lossChart() {
    return lossChart;
  }

  JFreeChart changeChart() {
    return changeChart;
  }

  /** Appends points; each series notifies its chart once. */
  void add(List<? extends LrFinderPoint> points) {
    for (LrFinderPoint p : points) {
      if (!(p.lr() > 0)) {
        continue;
      }
      if (Double.isFinite(p.loss())) {
        loss.add(p.lr(), p.loss(), false);
      }
      if (Double.isFinite(p.smoothedLoss())) {
        smoothed.add(p.lr(), p.smoothedLoss(), false);
      }
      if (Double.isFinite(p.lossChange())) {
        change.add(p.lr(), p.lossChange(), false);
      }
    }
    loss.fireSeriesChanged();
    smoothed.fireSeriesChanged();
    change.fireSeriesChanged();
  }

  void clear() {
    loss.clear();
    smoothed.clear();
    change.clear();
  }

  /** How many points the loss chart shows. */
  int pointCount() {
    return loss.getItemCount();
  }

  /** Marks the suggestion (a line) and its range (a band), or removes them for null. */
  void mark(LrSuggestion s) {
    for (JFreeChart chart : List.of(lossChart, changeChart)) {
      XYPlot plot = chart.getXYPlot();
      plot.clearDomainMarkers();
      if (s != null) {
        IntervalMarker range = new IntervalMarker(s.rangeLow(), s.rangeHigh());
        range.setPaint(RANGE);
        range.setAlpha(0.15f);
        range.setLabel("range");
        range.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM);
        range.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_CENTER);
        plot.addDomainMarker(range, Layer.BACKGROUND);
        ValueMarker line = new ValueMarker(s.lr(), SUGGESTION, new BasicStroke(1.5f));
        line.setLabel("suggested " + LrConfigEdit.format(s.lr()));
        line.setLabelPaint(SUGGESTION);
        plot.addDomainMarker(line, Layer.FOREGROUND);
      }
    }
  }
}
