package dev.musket.editor.diagnostics;

import dev.musket.editor.EditorComponent;
import dev.musket.editor.YamlEditor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.reactfx.value.Val;
import org.reactfx.value.Var;

/**
 * The gutter: line numbers plus a marker on each line with problems, coloured by the worst level,
 * whose tooltip lists the line's messages.
 *
 * <p>The paragraph graphic factory is set once. Each visible line's {@link GutterMarker} follows
 * the problems of its own line while it is on screen, so an analysis that adds a problem on one
 * line restyles that line's marker only, instead of rebuilding the gutter of every visible line
 * (which cost the FX thread 6-75 ms per analysis on a loaded machine: docs/benchmarks.md).
 */
public final class ProblemGutter implements EditorComponent {

  /** Style class of a marker; the level's class ({@code problem-error}...) is added beside it. */
  public static final String MARKER_STYLE_CLASS = "gutter-marker";

  /** The problems of each line (0-based paragraph), as last shown. */
  private final Var<Map<Integer, List<Problem>>> byLine = Var.newSimpleVar(Map.of());

  private ChangeListener<List<ProblemRange>> listener;

  @Override
  public void install(YamlEditor editor) {
    CodeArea area = editor.codeArea();
    listener =
        (obs, old, ranges) -> {
          GutterUpdateEvent event = new GutterUpdateEvent();
          event.begin();
          Map<Integer, List<Problem>> lines = byParagraph(ranges, area.getParagraphs().size());
          event.lines = lines.size();
          if (!lines.equals(byLine.getValue())) {
            byLine.setValue(lines);
            event.rebuilt = true;
          }
          event.commit();
        };
    editor.problemRangesProperty().addListener(listener);
    area.setParagraphGraphicFactory(factory(area));
  }

  @Override
  public void uninstall(YamlEditor editor) {
    editor.problemRangesProperty().removeListener(listener);
    editor.codeArea().setParagraphGraphicFactory(null);
  }

  private IntFunction<Node> factory(CodeArea area) {
    IntFunction<Node> numbers = LineNumberFactory.get(area);
    return paragraph -> {
      GutterMarker marker = new GutterMarker();
      marker.show(byLine.getValue().get(paragraph));
      // observed only while the marker is on screen, so discarded lines are not kept alive
      Val<List<Problem>> problems = byLine.map(m -> m.get(paragraph)).conditionOnShowing(marker);
      problems.addListener((obs, was, now) -> marker.show(now));
      HBox box = new HBox(numbers.apply(paragraph), marker);
      box.setAlignment(Pos.CENTER_LEFT);
      box.getStyleClass().add("gutter");
      return box;
    };
  }

  /**
   * The problems of each line. A problem's range starts on its own line (ProblemRange.locate), so
   * the line comes from the problem itself rather than from a pass over the whole text.
   */
  private static Map<Integer, List<Problem>> byParagraph(List<ProblemRange> ranges, int lines) {
    Map<Integer, List<Problem>> byLine = new HashMap<>();
    for (ProblemRange range : ranges) {
      int paragraph = Math.max(0, Math.min(range.problem().line() - 1, lines - 1));
      byLine.computeIfAbsent(paragraph, p -> new ArrayList<>()).add(range.problem());
    }
    return byLine;
  }
}
