package dev.musket.editor.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.editor.document.LineIndex;
import dev.musket.editor.highlight.YamlHighlighter;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class SquiggleOverlayTest {

  private static final String TEXT = "lr: 0.1\nepohcs: 3\n";

  @Test
  void aProblemWithoutEndMarksTheWordAtItsColumn() {
    ProblemRange range =
        ProblemRange.locate(
            new Problem(2, 1, ProblemLevel.ERROR, "Unknown key"), TEXT, LineIndex.of(TEXT));
    assertThat(TEXT.substring(range.start(), range.end())).isEqualTo("epohcs");
  }

  @Test
  void aProblemAtTheEndOfALineStillMarksOneCharacter() {
    ProblemRange range =
        ProblemRange.locate(
            new Problem(1, 99, ProblemLevel.WARNING, "x"), TEXT, LineIndex.of(TEXT));
    assertThat(range.end() - range.start()).isEqualTo(1);
    assertThat(range.end()).isEqualTo(7);
  }

  @Test
  void theUnderlinedTextKeepsItsColourAndGainsTheLevelClass() {
    ProblemRange range =
        ProblemRange.locate(
            new Problem(2, 1, 7, ProblemLevel.ERROR, "Unknown key"), TEXT, LineIndex.of(TEXT));
    StyleSpans<Collection<String>> spans =
        SquiggleOverlay.apply(YamlHighlighter.highlight(TEXT), List.of(range), TEXT.length());
    assertThat(spans.length()).isEqualTo(TEXT.length());
    assertThat(spans.getStyleSpan(spans.getSpanCount() - 1).getStyle()).isEmpty();
    Collection<String> keyStyle = styleAt(spans, TEXT.indexOf("epohcs") + 1);
    assertThat(keyStyle).contains("yaml-key", "problem", "problem-error");
    assertThat(styleAt(spans, 1)).containsExactly("yaml-key");
  }

  private static Collection<String> styleAt(StyleSpans<Collection<String>> spans, int offset) {
    int at = 0;
    for (var span : spans) {
      if (offset < at + span.getLength()) {
        return span.getStyle();
      }
      at += span.getLength();
    }
    throw new AssertionError("offset past the spans");
  }

  @Test
  void problemLinesAndColumnsAreOneBased() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Problem(0, 1, ProblemLevel.ERROR, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Problem(3, 4, ProblemLevel.WARNING, "odd").toString())
        .isEqualTo("3:4: warning: odd");
  }
}
