package dev.musket.app.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;

/**
 * The live training charts: a toolbar (experiment, log scale, export) above a two-column grid of
 * charts. It maps {@link TrainingChartViewModel}'s plain data to JFreeChart datasets on each
 * revision, appending only new points.
 */
public final class TrainingChartView extends BorderPane {

  private static final int COLUMNS = 2;

  private final TrainingChartViewModel model;
  private final ChartColors colors = new ChartColors();
  private final Map<String, LiveChart> charts = new LinkedHashMap<>();
  private final GridPane grid = new GridPane();
  private final Label placeholder = new Label();
  private final Label exportStatus = new Label();
  private ChartData shown;

  public TrainingChartView(TrainingChartViewModel model) {
    this.model = model;
    getStyleClass().add("training-charts");
    Label title = new Label();
    title.getStyleClass().add("training-charts-title");
    title.textProperty().bind(model.titleProperty());
    CheckBox log = new CheckBox("Log scale");
    log.getStyleClass().add("training-log-scale");
    log.selectedProperty().bindBidirectional(model.logScaleProperty());
    Button png = new Button("Export PNG\u2026");
    png.getStyleClass().add("training-export-png");
    png.setOnAction(e -> chooseAndExport(ChartExport.Format.PNG));
    Button svg = new Button("Export SVG\u2026");
    svg.getStyleClass().add("training-export-svg");
    svg.setOnAction(e -> chooseAndExport(ChartExport.Format.SVG));
    exportStatus.getStyleClass().add("training-export-status");
    ToolBar bar = new ToolBar(title, log, png, svg, exportStatus);
    bar.getStyleClass().add("training-charts-toolbar");
    setTop(bar);

    grid.getStyleClass().add("training-chart-grid");
    grid.setHgap(8);
    grid.setVgap(8);
    grid.setPadding(new Insets(8));
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    placeholder.getStyleClass().add("training-charts-message");
    placeholder.textProperty().bind(model.messageProperty());
    placeholder.visibleProperty().bind(model.messageProperty().isNotEmpty());
    setCenter(new StackPane(scroll, placeholder, colors.probes()));

    model.revisionProperty().addListener((o, was, now) -> sync());
    model.logScaleProperty().addListener((o, was, now) -> sync());
    sceneProperty()
        .addListener(
            (o, was, now) -> {
              refreshTheme(); // the theme is known now
              sync();
            });
    sync();
  }

  /** Brings the charts in step with the view-model's data: new charts, new points, markers. */
  void sync() {
    ChartData data = model.dataProperty().get();
    if (data != shown) {
      shown = data;
      charts.clear();
      grid.getChildren().clear();
    }
    boolean added = false;
    for (ChartData.Chart c : data.charts()) {
      LiveChart chart = charts.get(c.id());
      if (chart == null) {
        chart = new LiveChart(c, colors);
        charts.put(c.id(), chart);
        added = true;
      }
      chart.sync(c, data.markers(), data.markersRevision(), model.logScaleProperty().get());
    }
    if (added) {
      layoutCharts(data);
    }
  }

  private void layoutCharts(ChartData data) {
    grid.getChildren().clear();
    int i = 0;
    for (ChartData.Chart c : data.charts()) {
      LiveChart chart = charts.get(c.id());
      GridPane.setHgrow(chart.viewer(), Priority.ALWAYS);
      GridPane.setVgrow(chart.viewer(), Priority.ALWAYS);
      grid.add(chart.viewer(), i % COLUMNS, i / COLUMNS);
      i++;
    }
  }

  /**
   * Repaints the charts in the theme's current colours: JFreeChart does not follow CSS, so the
   * shell calls this after switching between light and dark.
   */
  public void refreshTheme() {
    charts.values().forEach(LiveChart::applyColors);
  }

  /** The chart ids shown, in order; for tests. */
  public List<String> chartIds() {
    return List.copyOf(charts.keySet());
  }

  LiveChart liveChart(String id) {
    return charts.get(id);
  }

  /** Points in the JFreeChart datasets of all charts; for tests. */
  public int plottedPoints() {
    return charts.values().stream().mapToInt(LiveChart::pointCount).sum();
  }

  /**
   * Writes every chart into {@code dir} as {@code <experiment>-<chart>.<ext>}; returns the files.
   */
  public List<Path> exportAll(Path dir, ChartExport.Format format) throws IOException {
    List<Path> files = new ArrayList<>();
    Path experiment = model.experimentProperty().get();
    String name = experiment == null ? null : experiment.getFileName().toString();
    for (LiveChart chart : charts.values()) {
      Path file = dir.resolve(ChartExport.fileName(name, chart.id(), format));
      ChartExport.write(chart.chart(), format, file);
      files.add(file);
    }
    return files;
  }

  private void chooseAndExport(ChartExport.Format format) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Export the training charts as " + format);
    java.io.File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
    if (dir == null) {
      return;
    }
    // on the FX thread: JFreeChart objects are not thread-safe and live training changes them
    try {
      List<Path> files = exportAll(dir.toPath(), format);
      exportStatus.setText("Wrote " + files.size() + " " + format + " file(s) to " + dir);
    } catch (IOException | RuntimeException e) {
      exportStatus.setText("Export failed: " + e.getMessage());
    }
  }
}
