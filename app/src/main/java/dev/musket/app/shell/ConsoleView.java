package dev.musket.app.shell;

import dev.musket.app.state.LogLine;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The console panel: the workbench log in a virtualized list (thousands of lines stay cheap),
 * warnings and errors coloured, following the newest line; Clear and Copy (the selection, or all).
 */
public final class ConsoleView extends BorderPane {

  private static final String[] LEVEL_CLASSES = {
    ConsoleViewModel.styleClassOf(LogLine.Level.INFO),
    ConsoleViewModel.styleClassOf(LogLine.Level.WARN),
    ConsoleViewModel.styleClassOf(LogLine.Level.ERROR)
  };

  private final ListView<LogLine> list;

  public ConsoleView(ConsoleViewModel model) {
    getStyleClass().add("console");
    list = new ListView<>(model.lines());
    list.getStyleClass().add("console-list");
    list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    list.setCellFactory(v -> new LineCell());
    model
        .lines()
        .addListener(
            (ListChangeListener<LogLine>)
                c -> {
                  if (!model.lines().isEmpty()) {
                    list.scrollTo(model.lines().size() - 1);
                  }
                });
    Button clear = new Button("Clear");
    clear.setId("console-clear");
    clear.setOnAction(e -> model.clear());
    Button copy = new Button("Copy");
    copy.setId("console-copy");
    copy.setOnAction(
        e -> {
          ClipboardContent content = new ClipboardContent();
          content.putString(model.textOf(list.getSelectionModel().getSelectedItems()));
          Clipboard.getSystemClipboard().setContent(content);
        });
    HBox bar = new HBox(clear, copy);
    bar.getStyleClass().add("console-bar");
    setTop(bar);
    setCenter(list);
  }

  private static final class LineCell extends ListCell<LogLine> {
    @Override
    protected void updateItem(LogLine line, boolean empty) {
      super.updateItem(line, empty);
      getStyleClass().removeAll(LEVEL_CLASSES);
      if (empty || line == null) {
        setText(null);
      } else {
        setText(line.toString());
        getStyleClass().add(ConsoleViewModel.styleClassOf(line.level()));
      }
    }
  }
}
