package dev.musket.editor.diagnostics;

import dev.musket.editor.document.CursorContextResolver;
import dev.musket.editor.document.LineIndex;

/**
 * Where a {@link Problem} sits in the text as offsets: its own columns when given, otherwise the
 * word at its column, and never empty, so every problem has something visible to underline and
 * hover.
 *
 * @param start first offset marked
 * @param end offset just after the last one marked
 * @param problem the problem
 */
public record ProblemRange(int start, int end, Problem problem) {

  /** Places {@code problem} in {@code text} (indexed by {@code lines}). */
  public static ProblemRange locate(Problem problem, String text, LineIndex lines) {
    int line = Math.min(problem.line() - 1, lines.lineCount() - 1);
    int lineEnd = lines.lineEnd(line);
    int start = lines.offsetOf(line, problem.column() - 1);
    int end;
    if (problem.endColumn() != Problem.TO_WORD_END) {
      end = lines.offsetOf(line, problem.endColumn() - 1);
    } else {
      end = start;
      while (end < lineEnd && isMarkable(text.charAt(end))) {
        end++;
      }
    }
    if (end <= start) {
      if (start < lineEnd) {
        end = start + 1;
      } else if (start > lines.lineStart(line)) {
        start = start - 1;
        end = start + 1;
      } else {
        end = Math.min(text.length(), start + 1);
      }
    }
    return new ProblemRange(start, end, problem);
  }

  private static boolean isMarkable(char c) {
    return CursorContextResolver.isWordChar(c) || c == '"' || c == '\'';
  }

  /** Whether {@code offset} falls on the marked text (or right after it, where a mouse rests). */
  public boolean covers(int offset) {
    return offset >= start && offset <= end;
  }
}
