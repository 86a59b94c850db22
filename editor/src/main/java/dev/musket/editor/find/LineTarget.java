package dev.musket.editor.find;

import java.util.Optional;

/**
 * A "go to line" target typed by the user: {@code 12} or {@code 12:5} (1-based, as problems are
 * reported).
 *
 * @param line 1-based line
 * @param column 1-based column
 */
public record LineTarget(int line, int column) {

  /** Parses {@code LINE} or {@code LINE:COLUMN}; empty when it is neither. */
  public static Optional<LineTarget> parse(String input) {
    String[] parts = input.trim().split(":", -1);
    try {
      int line = Integer.parseInt(parts[0].trim());
      int column = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 1;
      if (parts.length > 2 || line < 1 || column < 1) {
        return Optional.empty();
      }
      return Optional.of(new LineTarget(line, column));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
