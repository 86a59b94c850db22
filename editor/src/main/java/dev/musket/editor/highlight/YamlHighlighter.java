package dev.musket.editor.highlight;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Turns YAML text into RichTextFX style spans: a pure function, safe to run on any thread, so the
 * editor computes it off the FX thread and only applies the result there.
 */
public final class YamlHighlighter {

  private YamlHighlighter() {}

  /** Style spans covering all of {@code text}; uncoloured stretches get no style class. */
  public static StyleSpans<Collection<String>> highlight(String text) {
    return toSpans(YamlTokenizer.tokenize(text), text.length());
  }

  /** Style spans for {@code tokens} (in order, not overlapping) over a text of {@code length}. */
  public static StyleSpans<Collection<String>> toSpans(List<Token> tokens, int length) {
    StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>(tokens.size() * 2 + 1);
    int at = 0;
    for (Token token : tokens) {
      if (token.start() < at || token.length() <= 0) {
        continue;
      }
      if (token.start() > at) {
        spans.add(Collections.emptyList(), token.start() - at);
      }
      spans.add(Collections.singletonList(token.type().styleClass()), token.length());
      at = token.end();
    }
    spans.add(Collections.emptyList(), Math.max(0, length - at));
    return spans.create();
  }
}
