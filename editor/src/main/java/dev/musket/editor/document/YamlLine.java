package dev.musket.editor.document;

import java.util.List;

/**
 * The shape of one line of block-style YAML: its indentation, list dashes, key and value.
 *
 * <p>Musket configs are block YAML written one entry per line, so a line-by-line reading is enough
 * to know where the cursor is and which keys a mapping holds, and it keeps working while the text
 * is half-typed and not valid YAML at all (a full parser would give up exactly then).
 *
 * @param indent column of the first non-space character
 * @param dashColumns columns of the {@code "- "} list markers that open the line ({@code - - a} has
 *     two)
 * @param contentColumn column where the content after indentation and dashes starts
 * @param key the mapping key on this line, or {@code null} when the line holds no key
 * @param keyColumn column of the key's first character (of its opening quote if quoted)
 * @param keyEnd column just after the key (after its closing quote if quoted)
 * @param valueColumn column where the value after {@code ':'} starts (or where the scalar starts
 *     when there is no key); equals {@code commentColumn} or the line length when there is none
 * @param value the value text, trimmed, without the comment; empty when there is none
 * @param commentColumn column of a {@code '#'} comment, or -1
 */
public record YamlLine(
    int indent,
    List<Integer> dashColumns,
    int contentColumn,
    String key,
    int keyColumn,
    int keyEnd,
    int valueColumn,
    String value,
    int commentColumn) {

  public YamlLine {
    dashColumns = List.copyOf(dashColumns);
  }

  /** How many list dashes open the line. */
  public int dashCount() {
    return dashColumns.size();
  }

  /** Whether the line holds nothing but spaces and perhaps a comment. */
  public boolean isBlankOrComment() {
    return key == null && dashColumns.isEmpty() && value.isEmpty();
  }

  /** Whether this line holds a key with no value on the line, so a nested block follows. */
  public boolean opensBlock() {
    return key != null && value.isEmpty();
  }

  /** Whether the value starts a flow collection ({@code [..]} or <code>{..}</code>). */
  public boolean hasFlowValue() {
    return !value.isEmpty() && (value.charAt(0) == '[' || value.charAt(0) == '{');
  }

  /** Reads one line (without its line break). */
  public static YamlLine parse(CharSequence line) {
    return LineScanner.scan(line);
  }
}
