package dev.musket.editor.analysis;

import java.util.Collection;
import java.util.Objects;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;

/**
 * Finds the smallest stretch of text whose styles must be re-applied after an analysis.
 *
 * <p>Re-applying the styles of a whole 1,000-line config after every typing pause makes RichTextFX
 * rebuild every visible line on the FX thread; usually only the lines around the edit change. The
 * stretch is the union of what was edited since the last applied analysis and where the new styles
 * differ from the last applied ones. Pure, so it is tested without an area.
 */
public final class StyleDelta {

  private StyleDelta() {}

  /**
   * The range {@code [from, to)} of the new text to restyle.
   *
   * @param previous styles last applied, for the text as it was then
   * @param next styles for the current text
   * @param editedFrom no edit since {@code previous} touched text before this offset
   * @param editedFromEnd no edit touched the last {@code editedFromEnd} characters
   * @return {@code {from, to}}; {@code from >= to} means nothing to do
   */
  public static int[] range(
      StyleSpans<Collection<String>> previous,
      StyleSpans<Collection<String>> next,
      int editedFrom,
      int editedFromEnd) {
    int length = next.length();
    int head = Math.min(commonHead(previous, next), editedFrom);
    int tail = Math.min(commonTail(previous, next), editedFromEnd);
    int from = Math.max(0, Math.min(head, length));
    int to = Math.max(from, length - Math.max(0, tail));
    return new int[] {from, to};
  }

  /** Length of the prefix over which both have the same styles. */
  static int commonHead(StyleSpans<Collection<String>> a, StyleSpans<Collection<String>> b) {
    int ia = 0;
    int ib = 0;
    int leftA = a.getSpanCount() > 0 ? a.getStyleSpan(0).getLength() : 0;
    int leftB = b.getSpanCount() > 0 ? b.getStyleSpan(0).getLength() : 0;
    int at = 0;
    while (ia < a.getSpanCount() && ib < b.getSpanCount()) {
      StyleSpan<Collection<String>> sa = a.getStyleSpan(ia);
      StyleSpan<Collection<String>> sb = b.getStyleSpan(ib);
      if (!sameStyle(sa, sb)) {
        return at;
      }
      int step = Math.min(leftA, leftB);
      at += step;
      leftA -= step;
      leftB -= step;
      if (leftA == 0 && ++ia < a.getSpanCount()) {
        leftA = a.getStyleSpan(ia).getLength();
      }
      if (leftB == 0 && ++ib < b.getSpanCount()) {
        leftB = b.getStyleSpan(ib).getLength();
      }
    }
    return at;
  }

  /** Length of the suffix over which both have the same styles. */
  static int commonTail(StyleSpans<Collection<String>> a, StyleSpans<Collection<String>> b) {
    int ia = a.getSpanCount() - 1;
    int ib = b.getSpanCount() - 1;
    int leftA = ia >= 0 ? a.getStyleSpan(ia).getLength() : 0;
    int leftB = ib >= 0 ? b.getStyleSpan(ib).getLength() : 0;
    int at = 0;
    while (ia >= 0 && ib >= 0) {
      if (!sameStyle(a.getStyleSpan(ia), b.getStyleSpan(ib))) {
        return at;
      }
      int step = Math.min(leftA, leftB);
      at += step;
      leftA -= step;
      leftB -= step;
      if (leftA == 0 && --ia >= 0) {
        leftA = a.getStyleSpan(ia).getLength();
      }
      if (leftB == 0 && --ib >= 0) {
        leftB = b.getStyleSpan(ib).getLength();
      }
    }
    return at;
  }

  private static boolean sameStyle(
      StyleSpan<Collection<String>> a, StyleSpan<Collection<String>> b) {
    return Objects.equals(a.getStyle(), b.getStyle());
  }
}
