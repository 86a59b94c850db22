package dev.musket.app.data;

import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;

/**
 * One dataset item in the grid: its thumbnail, id, label and split badge. The grid reuses cells as
 * it scrolls, so a cell asks the loader for its item's thumbnail when it gets the item and
 * withdraws the request when it moves on; a late thumbnail for an item it no longer shows is
 * ignored.
 */
final class ThumbnailCell extends GridCell<DatasetItem> {

  private static final PseudoClass HOLDOUT = PseudoClass.getPseudoClass("holdout");
  private static final PseudoClass VALIDATION = PseudoClass.getPseudoClass("validation");

  private final ObservableValue<ThumbnailLoader> loader;
  private final ImageView image = new ImageView();
  private final Label placeholder = new Label();
  private final Label id = new Label();
  private final Label label = new Label();
  private final Label badge = new Label();
  private final Tooltip tooltip = new Tooltip();
  private final VBox box;
  private ThumbnailLoader requestedFrom;
  private int requestedIndex = -1;
  private Consumer<Optional<Pixels>> pending;

  ThumbnailCell(ObservableValue<ThumbnailLoader> loader) {
    this.loader = loader;
    getStyleClass().add("thumbnail-cell");
    image.setSmooth(false);
    image.setPreserveRatio(true);
    image.setFitWidth(DatasetViewModel.THUMBNAIL_SIDE);
    image.setFitHeight(DatasetViewModel.THUMBNAIL_SIDE);
    placeholder.getStyleClass().add("thumbnail-placeholder");
    StackPane frame = new StackPane(placeholder, image);
    frame.getStyleClass().add("thumbnail-frame");
    frame.setMinSize(DatasetViewModel.THUMBNAIL_SIDE, DatasetViewModel.THUMBNAIL_SIDE);
    id.getStyleClass().add("thumbnail-id");
    // ids are often paths (circle/circle_000.png): their end tells items apart
    id.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
    id.setTooltip(tooltip);
    label.getStyleClass().add("thumbnail-label");
    badge.getStyleClass().add("split-badge");
    box = new VBox(2, frame, id, label, badge);
    box.setAlignment(Pos.TOP_CENTER);
  }

  @Override
  protected void updateItem(DatasetItem item, boolean empty) {
    super.updateItem(item, empty);
    withdraw();
    if (empty || item == null) {
      setGraphic(null);
      return;
    }
    id.setText(item.id());
    label.setText(item.label());
    badge.setText(item.membership());
    tooltip.setText(item.id() + "\n" + item.label() + "\n" + item.membership());
    // a pseudo-class, not a style class: switching it as cells are reused restyles cheaply
    String kind = badgeKind(item.membership());
    badge.pseudoClassStateChanged(HOLDOUT, kind.equals("holdout"));
    badge.pseudoClassStateChanged(VALIDATION, kind.equals("validation"));
    image.setImage(null);
    placeholder.setText("\u2026");
    setGraphic(box);
    ThumbnailLoader thumbnails = loader.getValue();
    if (thumbnails != null) {
      int index = item.index();
      pending =
          pixels -> {
            pending = null;
            DatasetItem now = getItem();
            if (now != null && now.index() == index) {
              placeholder.setText(pixels.isPresent() ? "" : "unreadable");
              image.setImage(pixels.map(FxImages::toImage).orElse(null));
            }
          };
      requestedFrom = thumbnails;
      requestedIndex = index;
      thumbnails.request(index, pending);
    }
  }

  private void withdraw() {
    if (pending != null && requestedFrom != null) {
      requestedFrom.forget(requestedIndex, pending);
    }
    pending = null;
    requestedFrom = null;
  }

  private static String badgeKind(String membership) {
    if (membership.equals("holdout")) {
      return "holdout";
    }
    return membership.startsWith("val") ? "validation" : "train";
  }
}
