package dev.musket.app.problems;

import dev.musket.app.state.OpenConfig;
import dev.musket.app.state.WorkbenchState;
import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.diagnostics.ProblemLevel;
import java.nio.file.Path;
import java.util.Comparator;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Problems panel: what the active config's editor flags, errors first then by line, with a
 * one-line count ("2 errors, 1 warning in quick_cnn/config.yaml"). Follows the selected editor tab.
 */
public final class ProblemsViewModel {

  private final WorkbenchState state;
  private final ObservableList<Problem> problems = FXCollections.observableArrayList();
  private final ObservableList<Problem> problemsView =
      FXCollections.unmodifiableObservableList(problems);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ListChangeListener<Problem> onChange = change -> copy();
  private OpenConfig watched;

  public ProblemsViewModel(WorkbenchState state) {
    this.state = state;
    state.activeConfigProperty().addListener((obs, old, config) -> follow(config));
    follow(state.activeConfigProperty().get());
  }

  /** Errors, then warnings, then the rest; each group by position. */
  public ObservableList<Problem> problems() {
    return problemsView;
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Shows {@code problem} in its editor. */
  public void reveal(Problem problem) {
    if (watched != null && problem != null) {
      watched.goTo(problem.line(), problem.column());
    }
  }

  private void follow(OpenConfig config) {
    if (watched != null) {
      watched.problems().removeListener(onChange);
    }
    watched = config;
    if (config != null) {
      config.problems().addListener(onChange);
    }
    copy();
  }

  private void copy() {
    if (watched == null) {
      problems.clear();
      summary.set("No config open");
      return;
    }
    problems.setAll(
        watched.problems().stream()
            .sorted(
                Comparator.comparing((Problem p) -> p.level().ordinal())
                    .thenComparingInt(Problem::line)
                    .thenComparingInt(Problem::column))
            .toList());
    long errors = problems.stream().filter(p -> p.level() == ProblemLevel.ERROR).count();
    long others = problems.size() - errors;
    summary.set(
        plural(errors, "error") + ", " + plural(others, "warning") + " in " + name(watched.file()));
  }

  private String name(Path file) {
    Path project = state.project();
    if (project != null && file.startsWith(project.resolve("experiments"))) {
      return project.resolve("experiments").relativize(file).toString();
    }
    return String.valueOf(file.getFileName());
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
