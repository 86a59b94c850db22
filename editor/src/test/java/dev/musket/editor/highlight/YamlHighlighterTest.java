package dev.musket.editor.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class YamlHighlighterTest {

  @Test
  void spansCoverTheWholeTextWithStyleClasses() {
    String text = "lr: 0.1 # small\nstages:\n  - epochs: 3\n";
    StyleSpans<Collection<String>> spans = YamlHighlighter.highlight(text);
    assertThat(spans.length()).isEqualTo(text.length());
    List<String> styled = new ArrayList<>();
    int at = 0;
    for (StyleSpan<Collection<String>> span : spans) {
      if (!span.getStyle().isEmpty()) {
        styled.add(
            span.getStyle().iterator().next() + "=" + text.substring(at, at + span.getLength()));
      }
      at += span.getLength();
    }
    assertThat(styled)
        .containsExactly(
            "yaml-key=lr",
            "yaml-punctuation=:",
            "yaml-number=0.1",
            "yaml-comment=# small",
            "yaml-key=stages",
            "yaml-punctuation=:",
            "yaml-punctuation=-",
            "yaml-key=epochs",
            "yaml-punctuation=:",
            "yaml-number=3");
  }

  @Test
  void anEmptyTextHasOneEmptySpan() {
    assertThat(YamlHighlighter.highlight("").length()).isZero();
  }
}
