package dev.musket.editor.diagnostics;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The gutter's marker for one line: a dot coloured by the worst level of the line's problems, whose
 * tooltip lists their messages. It changes its own style class when the line's problems change, so
 * new problems elsewhere do not rebuild every visible line's gutter; the tooltip (a popup window,
 * costly to build) is made only when the mouse first enters the marker.
 */
final class GutterMarker extends Region {

  private List<Problem> problems = List.of();
  private String levelClass;
  private Tooltip tooltip;

  GutterMarker() {
    getStyleClass().add(ProblemGutter.MARKER_STYLE_CLASS);
    setOnMouseEntered(e -> installTooltip());
  }

  /** Shows {@code lineProblems} (empty: no marker); does nothing if they did not change. */
  void show(List<Problem> lineProblems) {
    List<Problem> now = lineProblems == null ? List.of() : lineProblems;
    if (now.equals(problems)) {
      return;
    }
    problems = now;
    String worst =
        now.stream()
            .min(Comparator.comparing(Problem::level))
            .map(p -> p.level().styleClass())
            .orElse(null);
    if (levelClass != null && !levelClass.equals(worst)) {
      getStyleClass().remove(levelClass);
    }
    if (worst != null && !worst.equals(levelClass)) {
      getStyleClass().add(worst);
    }
    levelClass = worst;
    if (tooltip != null) {
      if (now.isEmpty()) {
        Tooltip.uninstall(this, tooltip);
        tooltip = null;
      } else {
        tooltip.setText(messages());
      }
    }
  }

  private void installTooltip() {
    if (tooltip == null && !problems.isEmpty()) {
      tooltip = new Tooltip(messages());
      Tooltip.install(this, tooltip);
    }
  }

  private String messages() {
    return problems.stream().map(Problem::message).collect(Collectors.joining("\n"));
  }
}
