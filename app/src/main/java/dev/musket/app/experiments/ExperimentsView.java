package dev.musket.app.experiments;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The experiments table of the workbench: a tool bar (filter, metric chooser, "only differing
 * keys", open in editor, chart together), the table, and below it the two selected configs side by
 * side or the comparison chart. Everything it shows comes from {@link ExperimentsViewModel}.
 */
public final class ExperimentsView extends BorderPane {

  public static final String STYLE_CLASS = "experiments-view";
  static final String STYLESHEET = "/dev/musket/app/theme/experiments.css";
  private static final String ALL_METRICS = "All metrics";

  private final ExperimentsViewModel vm;
  private final TextField filter = new TextField();
  private final TabPane details = new TabPane();
  private final Tab compareTab;
  private final Tab chartTab;

  public ExperimentsView(ExperimentsViewModel vm) {
    this.vm = vm;
    getStyleClass().add(STYLE_CLASS);
    var css = ExperimentsView.class.getResource(STYLESHEET);
    if (css != null) {
      getStylesheets().add(css.toExternalForm());
    }
    ExperimentsTable table = new ExperimentsTable(vm);
    compareTab = new Tab("Compare configs", new ConfigDiffView(vm));
    chartTab = new Tab("Chart", new ComparisonChart(vm.chart()));
    details.getTabs().setAll(compareTab, chartTab);
    details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    details.getStyleClass().add("experiments-details");
    vm.comparisonProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                details.getSelectionModel().select(compareTab);
              }
            });

    SplitPane split = new SplitPane(table, details);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.55);
    setTop(toolBar());
    setCenter(split);
    setBottom(statusLine());
  }

  private ToolBar toolBar() {
    filter.setPromptText("Filter by name or value");
    filter.textProperty().bindBidirectional(vm.filterTextProperty());
    filter.getStyleClass().add("experiments-filter");
    filter.setTooltip(new Tooltip("Every word must appear in the name or in a shown value"));

    ComboBox<String> metric = new ComboBox<>();
    Bindings.bindContent(metric.getItems(), vm.metrics());
    metric.setPromptText(ALL_METRICS);
    metric.setButtonCell(
        new ListCell<>() {
          @Override
          protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? ALL_METRICS : item);
          }
        });
    metric.valueProperty().bindBidirectional(vm.metricChoiceProperty());
    metric.getStyleClass().add("experiments-metric");
    Button allMetrics = new Button("\u00d7");
    allMetrics.setTooltip(new Tooltip("Show all metrics"));
    allMetrics.setOnAction(e -> vm.metricChoiceProperty().set(null));
    allMetrics.disableProperty().bind(vm.metricChoiceProperty().isNull());

    CheckBox differing = new CheckBox("Only differing keys");
    differing.selectedProperty().bindBidirectional(vm.onlyDifferingKeysProperty());
    differing.getStyleClass().add("experiments-differing");

    Button open = new Button("Open in editor");
    open.getStyleClass().add("experiments-open");
    open.disableProperty().bind(vm.canOpenProperty().not());
    open.setOnAction(e -> vm.openInEditor());

    Button chart = new Button("Chart together");
    chart.getStyleClass().add("experiments-chart");
    chart.disableProperty().bind(vm.canOpenProperty().not());
    chart.setOnAction(
        e -> {
          vm.chartSelected();
          details.getSelectionModel().select(chartTab);
        });

    Button refresh = new Button("Refresh");
    refresh.setOnAction(e -> vm.refresh());
    Region spring = new Region();
    javafx.scene.layout.HBox.setHgrow(spring, Priority.ALWAYS);
    ToolBar bar = new ToolBar(filter, metric, allMetrics, differing, spring, open, chart, refresh);
    bar.getStyleClass().add("experiments-toolbar");
    return bar;
  }

  private BorderPane statusLine() {
    Label message = new Label();
    message.textProperty().bind(vm.messageProperty());
    message.getStyleClass().add("experiments-message");
    ProgressIndicator busy = new ProgressIndicator();
    busy.getStyleClass().add("experiments-busy");
    busy.visibleProperty().bind(vm.loadingProperty());
    busy.setPrefSize(14, 14);
    BorderPane line = new BorderPane(message);
    line.setRight(busy);
    line.getStyleClass().add("experiments-status");
    return line;
  }

  /** Puts the keyboard focus into the filter field (for a "find" shortcut). */
  public void focusFilter() {
    filter.requestFocus();
    filter.selectAll();
  }
}
