package dev.musket.app.data;

import javafx.geometry.Orientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.GridView;

/**
 * The dataset view: a filter bar (class, split, id), a virtualized grid of thumbnails with each
 * item's label and split membership, and the class distribution chart. Only binds to its {@link
 * DatasetViewModel}; the grid creates cells for the visible rows only, and each cell asks for its
 * thumbnail, so a 70,000-item dataset opens as fast as a small one.
 */
public final class DatasetView extends BorderPane {

  static final String STYLESHEET = "/dev/musket/app/theme/data.css";

  private final DatasetViewModel model;
  private final GridView<DatasetItem> grid;

  public DatasetView(DatasetViewModel model) {
    this.model = model;
    getStyleClass().add("dataset-view");
    addStylesheet(this);

    grid = new GridView<>(model.items());
    grid.getStyleClass().add("dataset-grid");
    grid.setCellWidth(DatasetViewModel.THUMBNAIL_SIDE + 48);
    grid.setCellHeight(DatasetViewModel.THUMBNAIL_SIDE + 58);
    grid.setHorizontalCellSpacing(4);
    grid.setVerticalCellSpacing(4);
    grid.setCellFactory(g -> new ThumbnailCell(model.thumbnailsProperty()));

    Label message = new Label();
    message.getStyleClass().add("data-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    message.visibleProperty().bind(model.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    StackPane center = new StackPane(grid, message);

    SplitPane split = new SplitPane(center, new ClassDistributionChart(model.distribution()));
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.7);
    setTop(filterBar());
    setCenter(split);
  }

  private HBox filterBar() {
    ComboBox<ClassFilter> classes = new ComboBox<>(model.classChoices());
    classes.getStyleClass().add("class-filter");
    classes.valueProperty().bindBidirectional(model.classFilterProperty());
    ComboBox<SplitFilter> splits = new ComboBox<>(model.splitChoices());
    splits.getStyleClass().add("split-filter");
    splits.valueProperty().bindBidirectional(model.splitFilterProperty());
    TextField id = new TextField();
    id.getStyleClass().add("id-filter");
    id.setPromptText("Filter by id");
    id.textProperty().bindBidirectional(model.idFilterProperty());
    Label summary = new Label();
    summary.getStyleClass().add("data-summary");
    summary.textProperty().bind(model.summaryProperty());
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    ProgressIndicator loading = new ProgressIndicator();
    loading.getStyleClass().add("data-loading");
    loading.visibleProperty().bind(model.loadingProperty());
    HBox bar = new HBox(6, classes, splits, id, grow, summary, loading);
    bar.getStyleClass().add("data-toolbar");
    return bar;
  }

  public DatasetViewModel model() {
    return model;
  }

  /** The grid, for tests and for the shell's keyboard focus. */
  GridView<DatasetItem> grid() {
    return grid;
  }

  static void addStylesheet(javafx.scene.Parent node) {
    var css = DatasetView.class.getResource(STYLESHEET);
    if (css != null) {
      node.getStylesheets().add(css.toExternalForm());
    }
  }
}
