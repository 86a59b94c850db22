package dev.musket.app.problems;

import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.diagnostics.ProblemLevel;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;

/**
 * The Problems panel: one line per problem of the active config ({@code 21:12 error: ...}),
 * coloured by level; a double click or Enter shows it in the editor.
 */
public final class ProblemsView extends BorderPane {

  public static final String STYLE_CLASS = "problems-view";

  public ProblemsView(ProblemsViewModel model) {
    getStyleClass().add(STYLE_CLASS);
    Label summary = new Label();
    summary.getStyleClass().add("problems-summary");
    summary.textProperty().bind(model.summaryProperty());
    ListView<Problem> list = new ListView<>(model.problems());
    list.getStyleClass().add("problems-list");
    list.setCellFactory(view -> new ProblemCell());
    list.setOnMouseClicked(
        e -> {
          if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            model.reveal(list.getSelectionModel().getSelectedItem());
          }
        });
    list.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            model.reveal(list.getSelectionModel().getSelectedItem());
          }
        });
    setTop(summary);
    setCenter(list);
  }

  private static final class ProblemCell extends ListCell<Problem> {
    @Override
    protected void updateItem(Problem problem, boolean empty) {
      super.updateItem(problem, empty);
      for (ProblemLevel level : ProblemLevel.values()) {
        getStyleClass().remove(level.styleClass());
      }
      if (empty || problem == null) {
        setText(null);
        return;
      }
      getStyleClass().add(problem.level().styleClass());
      setText(
          problem.line()
              + ":"
              + problem.column()
              + "  "
              + problem.level().name().toLowerCase(java.util.Locale.ROOT)
              + ": "
              + problem.message());
    }
  }
}
