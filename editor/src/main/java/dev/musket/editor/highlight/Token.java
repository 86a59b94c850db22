package dev.musket.editor.highlight;

/**
 * A coloured stretch of text.
 *
 * @param start offset of the first character
 * @param end offset just after the last character
 * @param type what it is
 */
public record Token(int start, int end, TokenType type) {

  /** The number of characters covered. */
  public int length() {
    return end - start;
  }
}
