package dev.musket.editor.analysis;

import dev.musket.editor.diagnostics.ProblemRange;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * The result of analysing one version of the text: its styles (colours and squiggles) and its
 * problems placed in that text.
 *
 * @param text the text analysed; the editor applies the result only if it still shows this text
 * @param styles style spans covering all of {@code text}
 * @param problems problems with their offsets, sorted by position
 */
public record Analysis(
    String text, StyleSpans<Collection<String>> styles, List<ProblemRange> problems) {

  public Analysis {
    problems = List.copyOf(problems);
  }
}
