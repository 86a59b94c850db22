package dev.musket.editor.diagnostics;

import java.util.Objects;

/**
 * One finding about the text, placed by line and column as validators report them.
 *
 * <p>Lines and columns are 1-based, as in {@code FILE:LINE:COL} messages, so an adapter can pass
 * the engine's diagnostics through unchanged.
 *
 * @param line 1-based line
 * @param column 1-based column of the first character to mark
 * @param endColumn 1-based column just after the last character to mark, or {@link #TO_WORD_END} to
 *     mark the word (key or value) that starts at {@code column}
 * @param level how bad it is
 * @param message what is wrong, shown on hover and in the problems list
 */
public record Problem(int line, int column, int endColumn, ProblemLevel level, String message) {

  /** {@code endColumn} value meaning "up to the end of the word at {@code column}". */
  public static final int TO_WORD_END = -1;

  public Problem {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
    if (endColumn != TO_WORD_END && endColumn < column) {
      throw new IllegalArgumentException("endColumn " + endColumn + " before column " + column);
    }
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(message, "message");
  }

  /** A problem that marks the word starting at {@code line:column}. */
  public Problem(int line, int column, ProblemLevel level, String message) {
    this(line, column, TO_WORD_END, level, message);
  }

  /** {@code LINE:COL: level: message}, the command line's format. */
  @Override
  public String toString() {
    return line
        + ":"
        + column
        + ": "
        + level.name().toLowerCase(java.util.Locale.ROOT)
        + ": "
        + message;
  }
}
