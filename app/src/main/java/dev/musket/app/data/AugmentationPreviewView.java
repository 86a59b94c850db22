package dev.musket.app.data;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The augmentation previewer: per previewed item, the image as the model sees it without
 * augmentation, then its augmented variants, in one row; a Reseed button and the item and variant
 * counts above; the config's first error (or "no augmentation") in place of the images. Only binds
 * to its {@link AugmentationPreviewViewModel}; it never loads anything itself.
 */
public final class AugmentationPreviewView extends BorderPane {

  /** Images are enlarged by a whole factor to about this many pixels a side. */
  static final int IMAGE_SIDE = 112;

  private final AugmentationPreviewViewModel model;
  private final VBox rows = new VBox(8);

  public AugmentationPreviewView(AugmentationPreviewViewModel model) {
    this.model = model;
    getStyleClass().add("augmentation-preview");
    DatasetView.addStylesheet(this);

    rows.getStyleClass().add("preview-rows");
    ScrollPane scroll = new ScrollPane(rows);
    scroll.setFitToWidth(true);
    Label message = new Label();
    message.getStyleClass().add("data-message");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    message.visibleProperty().bind(model.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    StackPane center = new StackPane(scroll, message);
    StackPane.setAlignment(message, Pos.TOP_LEFT);

    model.rows().addListener((ListChangeListener<PreviewRow>) c -> showRows());
    showRows();
    setTop(toolbar());
    setCenter(center);
  }

  /** Reseeds: the shell's "Reseed preview" action can call this too. */
  public void reseed() {
    model.reseed();
  }

  private HBox toolbar() {
    Button reseed = new Button("Reseed");
    reseed.getStyleClass().add("reseed-button");
    reseed.setOnAction(e -> model.reseed());
    Spinner<Integer> items = new Spinner<>(1, 16, model.itemCountProperty().get());
    items.getStyleClass().add("preview-items");
    items.setEditable(true);
    items.valueProperty().addListener((o, a, b) -> model.itemCountProperty().set(b));
    Spinner<Integer> variants = new Spinner<>(1, 12, model.variantCountProperty().get());
    variants.getStyleClass().add("preview-variants");
    variants.setEditable(true);
    variants.valueProperty().addListener((o, a, b) -> model.variantCountProperty().set(b));
    Label seed = new Label();
    seed.getStyleClass().add("preview-seed");
    seed.textProperty().bind(model.seedProperty().asString("seed %d"));
    Region grow = new Region();
    HBox.setHgrow(grow, Priority.ALWAYS);
    ProgressIndicator busy = new ProgressIndicator();
    busy.getStyleClass().add("data-loading");
    busy.visibleProperty().bind(model.busyProperty());
    HBox bar =
        new HBox(
            6,
            reseed,
            new Label("items"),
            items,
            new Label("variants"),
            variants,
            grow,
            seed,
            busy);
    bar.getStyleClass().add("data-toolbar");
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private void showRows() {
    rows.getChildren().clear();
    for (PreviewRow row : model.rows()) {
      rows.getChildren().add(row(row));
    }
  }

  private Node row(PreviewRow row) {
    VBox original = new VBox(2, FxImages.view(row.original(), IMAGE_SIDE), caption(row));
    original.getStyleClass().add("preview-original");
    // one width for every row's first column, so the variants line up in columns
    original.setMinWidth(IMAGE_SIDE + 16);
    original.setPrefWidth(IMAGE_SIDE + 16);
    HBox line = new HBox(6, original, new Separator(javafx.geometry.Orientation.VERTICAL));
    for (Pixels variant : row.augmented()) {
      Node image = FxImages.view(variant, IMAGE_SIDE);
      image.getStyleClass().add("preview-augmented");
      line.getChildren().add(image);
    }
    line.getStyleClass().add("preview-row");
    line.setAlignment(Pos.TOP_LEFT);
    return line;
  }

  private static Label caption(PreviewRow row) {
    Label caption = new Label(row.id() + "  [" + row.label() + "]");
    caption.getStyleClass().add("preview-caption");
    caption.setMaxWidth(IMAGE_SIDE + 16);
    caption.setWrapText(true);
    return caption;
  }

  public AugmentationPreviewViewModel model() {
    return model;
  }
}
