package dev.musket.editor.edit;

import dev.musket.editor.document.YamlLine;

/**
 * The indentation of a new line started with Enter, from the line it breaks: the same column, two
 * more after a key that opens a block ({@code callbacks:}), and the item's content column after a
 * list item ({@code - epochs: 3}), so the next key lands in the same item.
 */
public final class AutoIndent {

  /** Spaces per nesting level, also what Tab inserts. */
  public static final int STEP = 2;

  private AutoIndent() {}

  /**
   * The spaces to put at the start of the new line; {@code lineBeforeCaret} is what stays above.
   */
  public static String after(String lineBeforeCaret) {
    YamlLine line = YamlLine.parse(lineBeforeCaret);
    if (lineBeforeCaret.isBlank()) {
      return " ".repeat(lineBeforeCaret.length());
    }
    int column = line.dashCount() > 0 ? line.contentColumn() : line.indent();
    if (line.opensBlock()) {
      column = line.keyColumn() + STEP;
    } else if (line.key() == null && line.dashCount() == 0 && line.value().isEmpty()) {
      column = line.indent();
    }
    return " ".repeat(column);
  }
}
