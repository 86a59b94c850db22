package dev.musket.app.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.OpenConfig;
import dev.musket.app.state.WorkbenchState;
import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.diagnostics.ProblemLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class ProblemsViewModelTest {

  private final WorkbenchState state = new WorkbenchState();
  private final ProblemsViewModel model = new ProblemsViewModel(state);

  @Test
  void listsTheActiveEditorsProblemsErrorsFirstAndFollowsItsChanges() {
    Editor editor = new Editor(Path.of("/p/experiments/a/config.yaml"));
    state.projectProperty().set(Path.of("/p"));
    state.activeConfigProperty().set(editor);
    assertThat(model.summaryProperty().get()).isEqualTo("0 errors, 0 warnings in a/config.yaml");

    editor.problems.setAll(
        new Problem(9, 1, ProblemLevel.WARNING, "w"),
        new Problem(12, 3, ProblemLevel.ERROR, "late error"),
        new Problem(2, 5, ProblemLevel.ERROR, "early error"));
    assertThat(model.problems())
        .extracting(Problem::message)
        .containsExactly("early error", "late error", "w");
    assertThat(model.summaryProperty().get()).isEqualTo("2 errors, 1 warning in a/config.yaml");

    model.reveal(model.problems().get(1));
    assertThat(editor.visited).containsExactly("12:3");
  }

  @Test
  void switchingTabsOrClosingThemReplacesTheList() {
    Editor first = new Editor(Path.of("/p/experiments/a/config.yaml"));
    first.problems.add(new Problem(1, 1, ProblemLevel.ERROR, "first"));
    Editor second = new Editor(Path.of("/p/common.yaml"));
    state.activeConfigProperty().set(first);
    state.activeConfigProperty().set(second);
    assertThat(model.problems()).isEmpty();
    first.problems.add(new Problem(2, 1, ProblemLevel.ERROR, "no longer watched"));
    assertThat(model.problems()).isEmpty();
    state.activeConfigProperty().set(null);
    assertThat(model.summaryProperty().get()).isEqualTo("No config open");
  }

  private static final class Editor implements OpenConfig {
    final Path file;
    final ObservableList<Problem> problems = FXCollections.observableArrayList();
    final List<String> visited = new ArrayList<>();

    Editor(Path file) {
      this.file = file;
    }

    @Override
    public Path file() {
      return file;
    }

    @Override
    public ObservableValue<String> text() {
      return new SimpleStringProperty("");
    }

    @Override
    public void replace(int start, int end, String replacement) {}

    @Override
    public ObservableList<Problem> problems() {
      return problems;
    }

    @Override
    public void goTo(int line, int column) {
      visited.add(line + ":" + column);
    }
  }
}
