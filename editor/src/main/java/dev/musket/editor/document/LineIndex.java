package dev.musket.editor.document;

import java.util.Arrays;

/**
 * Converts between character offsets and (line, column) in a text whose lines end with {@code '\n'}
 * (the only line break a RichTextFX area holds).
 *
 * <p>Diagnostics arrive as lines and columns while the area styles by offset; this keeps the one
 * conversion in one place, built once per analysed text in O(length).
 */
public final class LineIndex {

  private final int[] lineStarts;
  private final int length;

  private LineIndex(int[] lineStarts, int length) {
    this.lineStarts = lineStarts;
    this.length = length;
  }

  /** Indexes the line starts of {@code text}. */
  public static LineIndex of(CharSequence text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return new LineIndex(Arrays.copyOf(starts, count), text.length());
  }

  /** Number of lines; an empty text has one (empty) line. */
  public int lineCount() {
    return lineStarts.length;
  }

  /** Offset of the first character of a zero-based line. */
  public int lineStart(int line) {
    return lineStarts[line];
  }

  /** Offset just after the last character of a zero-based line, before its {@code '\n'}. */
  public int lineEnd(int line) {
    return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : length;
  }

  /** Zero-based line holding {@code offset}. */
  public int lineOf(int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found : -found - 2;
  }

  /**
   * Offset of a zero-based line and column, clamped to the text (a column past the line's end gives
   * its end), so diagnostics that point slightly outside still land somewhere visible.
   */
  public int offsetOf(int line, int column) {
    if (line >= lineStarts.length) {
      return length;
    }
    int start = lineStarts[Math.max(0, line)];
    return Math.min(start + Math.max(0, column), lineEnd(Math.max(0, line)));
  }
}
