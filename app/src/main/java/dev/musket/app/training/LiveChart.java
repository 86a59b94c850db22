package dev.musket.app.training;

import java.awt.BasicStroke;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.SamplingXYLineRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One {@link ChartData.Chart} as a JFreeChart in a {@link ChartViewer}, kept in step by {@link
 * #sync}: only points the chart has not seen yet are appended, without notifications, and each
 * changed series then fires once, so a pulse redraws the chart once however many points arrived.
 */
final class LiveChart {

  private final String id;
  private final JFreeChart chart;
  private final XYPlot plot;
  private final XYSeriesCollection dataset = new XYSeriesCollection();
  private final ChartViewer viewer;
  private final Map<String, XYSeries> series = new HashMap<>();
  private final Map<String, Integer> generations = new HashMap<>();
  private final ChartColors colors;
  private int markersRevision = -1;
  private Boolean log;

  LiveChart(ChartData.Chart model, ChartColors colors) {
    this.id = model.id();
    this.colors = colors;
    NumberAxis x = new NumberAxis(model.xLabel());
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setAutoRangeIncludesZero(false);
    plot =
        new XYPlot(
            dataset,
            x,
            linearAxis(),
            // thousands of batches: draw one vertical span per pixel column, not every segment
            model.perBatch() ? new SamplingXYLineRenderer() : new XYLineAndShapeRenderer());
    plot.setOrientation(PlotOrientation.VERTICAL);
    chart = new JFreeChart(model.id(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    viewer = new ChartViewer(chart);
    viewer.getStyleClass().add("training-chart");
    viewer.setMinSize(280, 220);
    viewer.setPrefSize(480, 300);
  }

  String id() {
    return id;
  }

  JFreeChart chart() {
    return chart;
  }

  ChartViewer viewer() {
    return viewer;
  }

  /** Points currently in the chart's dataset, for tests. */
  int pointCount() {
    return series.values().stream().mapToInt(XYSeries::getItemCount).sum();
  }

  void sync(ChartData.Chart model, List<EpochMarker> markers, int markersRev, boolean logScale) {
    // every series change would redraw the canvas at once; hold the notifications and redraw
    // once at the end, so a pulse costs one redraw per chart however much arrived
    boolean changed = false;
    for (ChartSeries s : model.series()) {
      XYSeries target = series.get(s.key());
      if (target == null) {
        changed = quiet(changed);
        target = new XYSeries(s.label(), false, true);
        series.put(s.key(), target);
        dataset.addSeries(target);
      }
      Integer seen = generations.put(s.key(), s.generation());
      if (seen != null && seen != s.generation()) {
        changed = quiet(changed);
        target.clear(); // compacted: its earlier points were rewritten
      }
      int from = target.getItemCount();
      if (s.size() > from) {
        changed = quiet(changed);
        for (int i = from; i < s.size(); i++) {
          target.add(s.x(i), s.y(i), false);
        }
        target.fireSeriesChanged();
      }
    }
    boolean wantLog = logScale && model.logScalable();
    if (log == null || log != wantLog) {
      changed = quiet(changed);
      log = wantLog;
      plot.setRangeAxis(wantLog ? logAxis() : linearAxis());
      applyColors();
    }
    if (!model.perBatch() && markersRev != markersRevision) {
      changed = quiet(changed);
      markersRevision = markersRev;
      plot.clearDomainMarkers();
      for (EpochMarker m : markers) {
        plot.addDomainMarker(marker(m));
      }
    }
    if (changed) {
      chart.setNotify(true); // one redraw
    }
  }

  /** Turns the chart's notifications off before its first change in a sync. */
  private boolean quiet(boolean alreadyQuiet) {
    if (!alreadyQuiet) {
      chart.setNotify(false);
    }
    return true;
  }

  void applyColors() {
    chart.setBackgroundPaint(colors.background());
    plot.setBackgroundPaint(colors.background());
    plot.setDomainGridlinePaint(colors.grid());
    plot.setRangeGridlinePaint(colors.grid());
    chart.getTitle().setPaint(colors.foreground());
    if (chart.getLegend() != null) {
      chart.getLegend().setBackgroundPaint(colors.background());
      chart.getLegend().setItemPaint(colors.foreground());
    }
    for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
      axis.setLabelPaint(colors.foreground());
      axis.setTickLabelPaint(colors.foreground());
      axis.setAxisLinePaint(colors.grid());
    }
  }

  private ValueMarker marker(EpochMarker m) {
    ValueMarker marker = new ValueMarker(m.epoch());
    marker.setPaint(m.kind() == EpochMarker.Kind.BEST ? colors.best() : colors.earlyStop());
    marker.setStroke(
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    marker.setLabel(m.label());
    marker.setLabelPaint(colors.foreground());
    marker.setLabelAnchor(
        m.kind() == EpochMarker.Kind.BEST ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
    marker.setLabelTextAnchor(
        m.kind() == EpochMarker.Kind.BEST ? TextAnchor.TOP_RIGHT : TextAnchor.BOTTOM_RIGHT);
    return marker;
  }

  private static NumberAxis linearAxis() {
    NumberAxis y = new NumberAxis();
    y.setAutoRangeIncludesZero(false);
    return y;
  }

  /**
   * A log axis with ticks at 1-9 x 10^n labelled as plain numbers; a non-positive value (a loss of
   * exactly 0) is tolerated rather than thrown on.
   */
  private static LogarithmicAxis logAxis() {
    LogarithmicAxis y = new LogarithmicAxis(null);
    y.setStrictValuesFlag(false);
    y.setAutoRangeNextLogFlag(false);
    return y;
  }
}
