package dev.musket.app.shell;

import dev.musket.app.state.LogLine;
import dev.musket.app.state.WorkbenchState;
import java.util.List;
import java.util.stream.Collectors;
import javafx.collections.ObservableList;

/** The console panel's state: the workbench log, and its commands clear and copy. */
public final class ConsoleViewModel {

  private final WorkbenchState state;

  public ConsoleViewModel(WorkbenchState state) {
    this.state = state;
  }

  public ObservableList<LogLine> lines() {
    return state.log();
  }

  public void clear() {
    state.log().clear();
  }

  /** The text to copy: the given lines (the selection), or every line when none are given. */
  public String textOf(List<LogLine> selected) {
    List<LogLine> lines = selected == null || selected.isEmpty() ? state.log() : selected;
    return lines.stream().map(LogLine::toString).collect(Collectors.joining("\n"));
  }

  /** The style class of a line: {@code log-info}, {@code log-warn}, {@code log-error}. */
  public static String styleClassOf(LogLine.Level level) {
    return "log-" + level.name().toLowerCase(java.util.Locale.ROOT);
  }
}
