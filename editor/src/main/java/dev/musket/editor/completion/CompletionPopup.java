package dev.musket.editor.completion;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.stage.Popup;
import javafx.stage.Window;

/**
 * The completion popup: a list of items and, beside it, the doc of the highlighted one. It never
 * takes focus; {@link CompletionController} feeds it keys from the text area.
 */
final class CompletionPopup {

  static final String STYLE_CLASS = "completion-popup";

  private static final int VISIBLE_ROWS = 8;
  private static final double ROW_HEIGHT = 24;

  private final Popup popup = new Popup();
  private final ListView<CompletionItem> list = new ListView<>();
  private final Label doc = new Label();

  CompletionPopup() {
    list.getStyleClass().add("completion-list");
    list.setPrefWidth(260);
    list.setFixedCellSize(ROW_HEIGHT);
    list.setFocusTraversable(false);
    list.setCellFactory(view -> new ItemCell());
    doc.getStyleClass().add("completion-doc");
    doc.setWrapText(true);
    doc.setPrefWidth(280);
    doc.setMaxHeight(180);
    doc.textProperty()
        .bind(list.getSelectionModel().selectedItemProperty().map(CompletionItem::doc).orElse(""));
    HBox box = new HBox(list, doc);
    box.getStyleClass().add(STYLE_CLASS);
    popup.getContent().add(box);
    popup.setAutoHide(true);
  }

  /** Runs {@code action} when an entry is clicked (it is selected first). */
  void setOnClickAccept(Runnable action) {
    list.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY
              && list.getSelectionModel().getSelectedItem() != null) {
            action.run();
          }
        });
  }

  void setStylesheets(List<String> stylesheets) {
    ((HBox) popup.getContent().get(0)).getStylesheets().setAll(stylesheets);
  }

  void show(Window owner, double x, double y, List<CompletionItem> items) {
    if (!list.getItems().equals(items)) {
      list.setPrefHeight(Math.min(VISIBLE_ROWS, items.size()) * ROW_HEIGHT + 4);
      list.getItems().setAll(items);
      list.getSelectionModel().selectFirst();
      list.scrollTo(0);
    }
    if (!popup.isShowing()) {
      popup.show(owner, x, y);
    } else {
      popup.setX(x);
      popup.setY(y);
    }
  }

  void hide() {
    popup.hide();
  }

  boolean isShowing() {
    return popup.isShowing();
  }

  void move(int delta) {
    int size = list.getItems().size();
    if (size == 0) {
      return;
    }
    int index = Math.floorMod(list.getSelectionModel().getSelectedIndex() + delta, size);
    list.getSelectionModel().select(index);
    list.scrollTo(index);
  }

  CompletionItem selected() {
    return list.getSelectionModel().getSelectedItem();
  }

  ListView<CompletionItem> listView() {
    return list;
  }

  /** Shows the label and a small kind tag. */
  private static final class ItemCell extends ListCell<CompletionItem> {
    @Override
    protected void updateItem(CompletionItem item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().removeAll("completion-key", "completion-value");
      if (empty || item == null) {
        setText(null);
      } else {
        setText(item.label());
        getStyleClass()
            .add(item.kind() == CompletionKind.KEY ? "completion-key" : "completion-value");
      }
    }
  }
}
