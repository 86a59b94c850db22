package dev.musket.app.lrfinder;

import dev.musket.engine.train.lrfinder.LrFinderPoint;
import dev.musket.engine.train.lrfinder.LrSuggestion;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.jfree.chart.fx.ChartViewer;

/**
 * The LR finder screen: a toolbar (sweep settings, run, cancel, progress), the loss and loss-change
 * charts against a log lr axis with the suggestion and range marked, and the suggestion with an
 * "Apply to config" button. Everything it shows comes from {@link LrFinderViewModel}.
 */
public final class LrFinderView extends BorderPane {

  /** The style class of the view's root, for lookups and the stylesheet. */
  public static final String STYLE_CLASS = "lr-finder";

  private final LrFinderViewModel model;
  private final LrFinderCharts charts = new LrFinderCharts();
  private final Button runButton = new Button("Run");
  private final Button cancelButton = new Button("Cancel");
  private final Button applyButton = new Button("Apply to config");

  public LrFinderView(LrFinderViewModel model) {
    this.model = model;
    getStyleClass().add(STYLE_CLASS);
    var css = LrFinderView.class.getResource("/dev/musket/app/theme/lrfinder.css");
    if (css != null) {
      getStylesheets().add(css.toExternalForm());
    }
    setTop(toolbar());
    setCenter(chartsPane());
    setBottom(suggestionBar());
    model.points().addListener(this::pointsChanged);
    model.suggestionProperty().addListener((obs, old, s) -> charts.mark(s));
    charts.add(model.points());
    charts.mark(model.suggestionProperty().get());
  }

  private ToolBar toolbar() {
    TextField start = numberField(model.startLrProperty(), "The first batch's learning rate");
    TextField end = numberField(model.endLrProperty(), "The last batch's learning rate");
    Spinner<Integer> epochs = new Spinner<>(1, 100, model.epochsProperty().get());
    epochs.setEditable(true);
    epochs.setPrefWidth(80);
    epochs.getValueFactory().valueProperty().bindBidirectional(model.epochsProperty().asObject());
    epochs.setTooltip(new Tooltip("Epochs the sweep is spread over"));
    runButton.getStyleClass().add("lr-finder-run");
    runButton.setTooltip(
        new Tooltip("Train a fresh copy of the active config's first stage while the lr grows"));
    runButton.disableProperty().bind(model.canRunProperty().not());
    runButton.setOnAction(e -> model.run());
    cancelButton.disableProperty().bind(model.runningProperty().not());
    cancelButton.setOnAction(e -> model.cancel());
    ProgressBar progress = new ProgressBar();
    progress.progressProperty().bind(model.progressProperty());
    progress.visibleProperty().bind(model.runningProperty());
    return new ToolBar(
        new Label("start lr"),
        start,
        new Label("end lr"),
        end,
        new Label("epochs"),
        epochs,
        runButton,
        cancelButton,
        progress);
  }

  private static TextField numberField(javafx.beans.property.StringProperty value, String tip) {
    TextField field = new TextField();
    field.textProperty().bindBidirectional(value);
    field.setPrefColumnCount(6);
    field.setTooltip(new Tooltip(tip));
    return field;
  }

  private SplitPane chartsPane() {
    ChartViewer loss = new ChartViewer(charts.lossChart());
    ChartViewer change = new ChartViewer(charts.changeChart());
    loss.getStyleClass().add("lr-finder-loss-chart");
    change.getStyleClass().add("lr-finder-change-chart");
    SplitPane split = new SplitPane(loss, change);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.6);
    return split;
  }

  private HBox suggestionBar() {
    Label status = new Label();
    status.getStyleClass().add("lr-finder-status");
    status.textProperty().bind(model.statusProperty());
    status.setWrapText(true);
    model
        .failedProperty()
        .addListener(
            (obs, was, failed) -> {
              if (failed) {
                status.getStyleClass().add("lr-finder-error");
              } else {
                status.getStyleClass().remove("lr-finder-error");
              }
            });
    Label suggested = new Label();
    suggested.getStyleClass().add("lr-finder-suggested");
    suggested
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> describe(model.suggestionProperty().get()), model.suggestionProperty()));
    Label rule = new Label("?");
    rule.getStyleClass().add("lr-finder-rule");
    rule.setTooltip(new Tooltip(LrSuggestion.RULE));
    applyButton.getStyleClass().add("lr-finder-apply");
    applyButton.disableProperty().bind(model.canApplyProperty().not());
    applyButton.setOnAction(e -> model.applyToConfig());
    applyButton.setTooltip(new Tooltip("Write the suggested lr into the config in the editor"));
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    HBox.setHgrow(status, Priority.SOMETIMES);
    HBox bar = new HBox(8, suggested, rule, status, grow, applyButton);
    bar.getStyleClass().add("lr-finder-suggestion");
    return bar;
  }

  private static String describe(LrSuggestion s) {
    return s == null
        ? ""
        : "suggested lr "
            + LrConfigEdit.format(s.lr())
            + "  (range "
            + LrConfigEdit.format(s.rangeLow())
            + " \u2013 "
            + LrConfigEdit.format(s.rangeHigh())
            + ")";
  }

  private void pointsChanged(ListChangeListener.Change<? extends LrFinderPoint> change) {
    List<LrFinderPoint> added = new ArrayList<>();
    boolean cleared = false;
    while (change.next()) {
      if (change.wasRemoved()) {
        cleared = true;
      }
      added.addAll(change.getAddedSubList());
    }
    if (cleared) {
      charts.clear();
    }
    charts.add(added);
  }

  /** How many points the loss chart shows (for tests and the status bar). */
  public int plottedPoints() {
    return charts.pointCount();
  }
}
