package dev.musket.editor.analysis;

import dev.musket.editor.diagnostics.DiagnosticsProvider;
import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.diagnostics.ProblemRange;
import dev.musket.editor.diagnostics.SquiggleOverlay;
import dev.musket.editor.document.LineIndex;
import dev.musket.editor.highlight.YamlHighlighter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Highlights and validates a text in one go, off the FX thread: the one unit of work the editor
 * schedules after a typing pause, and the one the benchmark measures.
 */
public final class DocumentAnalyzer {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentAnalyzer.class);

  private final DiagnosticsProvider diagnostics;

  /** An analyzer that asks {@code diagnostics} for problems. */
  public DocumentAnalyzer(DiagnosticsProvider diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Colours, problems and squiggles for {@code text}. */
  public Analysis analyze(String text) {
    LineIndex lines = LineIndex.of(text);
    List<ProblemRange> ranges = new ArrayList<>();
    for (Problem problem : diagnose(text)) {
      ranges.add(ProblemRange.locate(problem, text, lines));
    }
    ranges.sort(Comparator.comparingInt(ProblemRange::start));
    var styles = SquiggleOverlay.apply(YamlHighlighter.highlight(text), ranges, text.length());
    return new Analysis(text, styles, ranges);
  }

  private List<Problem> diagnose(String text) {
    try {
      return diagnostics.diagnose(text);
    } catch (RuntimeException e) {
      LOG.warn("Diagnostics provider failed; showing the text without problems", e);
      return List.of();
    }
  }
}
