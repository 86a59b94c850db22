package dev.musket.editor.diagnostics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Adds problem underlines to highlighting spans: the marked text keeps its colour and gains a
 * {@code problem-error}/{@code problem-warning}/{@code problem-info} class that draws the squiggle.
 * Pure, so it runs with the highlighter off the FX thread.
 */
public final class SquiggleOverlay {

  private SquiggleOverlay() {}

  /**
   * {@code highlighting} with the ranges of {@code problems} underlined; where problems overlap the
   * worse level wins.
   */
  public static StyleSpans<Collection<String>> apply(
      StyleSpans<Collection<String>> highlighting, List<ProblemRange> problems, int length) {
    if (problems.isEmpty()) {
      return highlighting;
    }
    return highlighting.overlay(underlines(problems, length), SquiggleOverlay::merge);
  }

  private static StyleSpans<Collection<String>> underlines(
      List<ProblemRange> problems, int length) {
    List<ProblemRange> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparingInt(ProblemRange::start).thenComparing(r -> r.problem().level()));
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
    int at = 0;
    for (ProblemRange range : sorted) {
      int start = Math.max(range.start(), at);
      int end = Math.min(range.end(), length);
      if (end <= start) {
        continue;
      }
      if (start > at) {
        spans.add(Collections.emptyList(), start - at);
      }
      spans.add(List.of("problem", range.problem().level().styleClass()), end - start);
      at = end;
    }
    spans.add(Collections.emptyList(), Math.max(0, length - at));
    return spans.create();
  }

  private static Collection<String> merge(Collection<String> colour, Collection<String> underline) {
    if (underline.isEmpty()) {
      return colour;
    }
    if (colour.isEmpty()) {
      return underline;
    }
    List<String> both = new ArrayList<>(colour.size() + underline.size());
    both.addAll(colour);
    both.addAll(underline);
    return both;
  }
}
