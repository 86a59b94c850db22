package dev.musket.editor.diagnostics;

import dev.musket.editor.EditorComponent;
import dev.musket.editor.YamlEditor;
import dev.musket.editor.document.LineIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

/**
 * The gutter: line numbers plus a marker on each line with problems, coloured by the worst level,
 * whose tooltip lists the line's messages.
 */
public final class ProblemGutter implements EditorComponent {

  /** Style class of a marker; the level's class ({@code problem-error}...) is added beside it. */
  public static final String MARKER_STYLE_CLASS = "gutter-marker";

  private ChangeListener<List<ProblemRange>> listener;
  private Map<Integer, List<Problem>> shown = Map.of();

  @Override
  public void install(YamlEditor editor) {
    CodeArea area = editor.codeArea();
    listener =
        (obs, old, ranges) -> {
          GutterUpdateEvent event = new GutterUpdateEvent();
          event.begin();
          Map<Integer, List<Problem>> byLine = byParagraph(area.getText(), ranges);
          event.lines = byLine.size();
          if (!byLine.equals(shown)) {
            shown = byLine;
            area.setParagraphGraphicFactory(factory(area, byLine));
            event.rebuilt = true;
          }
          event.commit();
        };
    editor.problemRangesProperty().addListener(listener);
    area.setParagraphGraphicFactory(factory(area, shown));
  }

  @Override
  public void uninstall(YamlEditor editor) {
    editor.problemRangesProperty().removeListener(listener);
    editor.codeArea().setParagraphGraphicFactory(null);
  }

  private static IntFunction<Node> factory(CodeArea area, Map<Integer, List<Problem>> byLine) {
    IntFunction<Node> numbers = LineNumberFactory.get(area);
    return paragraph -> {
      Region marker = new Region();
      marker.getStyleClass().add(MARKER_STYLE_CLASS);
      List<Problem> problems = byLine.get(paragraph);
      if (problems != null) {
        Problem worst = problems.stream().min(Comparator.comparing(Problem::level)).orElseThrow();
        marker.getStyleClass().add(worst.level().styleClass());
        Tooltip.install(
            marker,
            new Tooltip(problems.stream().map(Problem::message).collect(Collectors.joining("\n"))));
      }
      HBox box = new HBox(numbers.apply(paragraph), marker);
      box.setAlignment(Pos.CENTER_LEFT);
      box.getStyleClass().add("gutter");
      return box;
    };
  }

  private static Map<Integer, List<Problem>> byParagraph(String text, List<ProblemRange> ranges) {
    Map<Integer, List<Problem>> byLine = new HashMap<>();
    if (ranges.isEmpty()) {
      return byLine;
    }
    LineIndex lines = LineIndex.of(text);
    for (ProblemRange range : ranges) {
      int paragraph = lines.lineOf(Math.min(range.start(), text.length()));
      byLine.computeIfAbsent(paragraph, p -> new ArrayList<>()).add(range.problem());
    }
    return byLine;
  }
}
