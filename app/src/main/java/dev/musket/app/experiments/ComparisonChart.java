package dev.musket.app.experiments;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * "Chart together": one metric against epoch for several experiments, one line per experiment ×
 * fold × stage (or per experiment × stage with the fold mean), with the metric chooser and the
 * fold-mean switch above the chart. The data come from {@link ComparisonChartViewModel}; this view
 * only turns its series into a JFreeChart dataset.
 */
final class ComparisonChart extends BorderPane {

  static final String STYLE_CLASS = "comparison-chart";

  /** Solid for the fold mean and fold 0, then ever sparser dashes. */
  private static final BasicStroke[] DASHES = {
    new BasicStroke(2f),
    new BasicStroke(2f),
    dashed(6f, 3f),
    dashed(2f, 3f),
    dashed(8f, 3f, 2f, 3f),
    dashed(10f, 6f)
  };

  private final ComparisonChartViewModel vm;
  private final XYSeriesCollection dataset = new XYSeriesCollection();
  private final JFreeChart chart;
  private final ChartViewer viewer;
  private final Label empty = new Label();
  private final ChartColours colours = new ChartColours();

  ComparisonChart(ComparisonChartViewModel vm) {
    this.vm = vm;
    getStyleClass().add(STYLE_CLASS);

    ComboBox<String> metric = new ComboBox<>(vm.metrics());
    metric.valueProperty().bindBidirectional(vm.metricProperty());
    metric.getStyleClass().add("comparison-metric");
    CheckBox mean = new CheckBox("Mean over folds");
    mean.selectedProperty().bindBidirectional(vm.foldMeanProperty());
    HBox controls = new HBox(8, new Label("Metric"), metric, mean);
    controls.getStyleClass().add("comparison-controls");
    setTop(controls);

    chart =
        ChartFactory.createXYLineChart(
            null, "epoch", "", dataset, PlotOrientation.VERTICAL, true, true, false);
    XYPlot plot = chart.getXYPlot();
    ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    viewer = new ChartViewer(chart);
    viewer.getStyleClass().add("comparison-viewer");
    empty.getStyleClass().add("comparison-empty");
    empty.textProperty().bind(vm.messageProperty());
    empty.visibleProperty().bind(vm.messageProperty().isNotEmpty());
    empty.setMouseTransparent(true);
    setCenter(new StackPane(colours.probes(), viewer, empty));
    colours.onChange(this::redraw);

    vm.series().addListener((ListChangeListener<ComparisonSeries>) c -> redraw());
    redraw();
  }

  private void redraw() {
    chart.setNotify(false); // one repaint for the whole batch, not one per series
    dataset.removeAllSeries();
    for (ComparisonSeries s : vm.series()) {
      // names can repeat only if two rows share a name; XYSeriesCollection needs unique keys
      XYSeries xy = new XYSeries(uniqueKey(s.name()), false, true);
      for (int i = 0; i < s.size(); i++) {
        if (!Double.isNaN(s.values()[i])) {
          xy.add(s.epochs()[i], s.values()[i], false);
        }
      }
      dataset.addSeries(xy);
    }
    chart.getXYPlot().getRangeAxis().setLabel(vm.metricProperty().get());
    styleSeries();
    chart.setNotify(true);
  }

  /**
   * One colour per experiment and one dash pattern per fold (and stage), so the folds of one
   * experiment read as a family; the rest of the chart in the theme's colours.
   */
  private void styleSeries() {
    XYPlot plot = chart.getXYPlot();
    chart.setBackgroundPaint(colours.background());
    plot.setBackgroundPaint(colours.panel());
    plot.setDomainGridlinePaint(colours.grid());
    plot.setRangeGridlinePaint(colours.grid());
    plot.setOutlinePaint(colours.grid());
    for (NumberAxis axis :
        List.of((NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis())) {
      axis.setLabelPaint(colours.foreground());
      axis.setTickLabelPaint(colours.muted());
      axis.setAxisLinePaint(colours.grid());
      axis.setTickMarkPaint(colours.grid());
    }
    if (chart.getLegend() != null) {
      chart.getLegend().setBackgroundPaint(colours.background());
      chart.getLegend().setItemPaint(colours.foreground());
    }
    XYItemRenderer renderer = plot.getRenderer();
    List<String> experiments = new ArrayList<>();
    for (int i = 0; i < vm.series().size(); i++) {
      ComparisonSeries s = vm.series().get(i);
      if (!experiments.contains(s.experiment())) {
        experiments.add(s.experiment());
      }
      renderer.setSeriesPaint(i, colours.series(experiments.indexOf(s.experiment())));
      renderer.setSeriesStroke(i, DASHES[Math.floorMod(s.fold() + 1 + s.stage(), DASHES.length)]);
    }
  }

  private String uniqueKey(String name) {
    String key = name;
    for (int n = 2; dataset.getSeriesIndex(key) >= 0; n++) {
      key = name + " (" + n + ")";
    }
    return key;
  }

  private static BasicStroke dashed(float... pattern) {
    return new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
  }

  /** For tests: the chart's current dataset. */
  XYSeriesCollection dataset() {
    return dataset;
  }
}
