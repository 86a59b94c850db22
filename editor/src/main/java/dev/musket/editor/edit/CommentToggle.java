package dev.musket.editor.edit;

import dev.musket.editor.document.LineIndex;

/**
 * Comments or uncomments the lines of a selection with {@code #}, as Ctrl+/ does in IDEs: if every
 * non-blank line is already a comment the marks are removed, otherwise {@code "# "} is added at the
 * smallest indentation so the block stays aligned.
 */
public final class CommentToggle {

  private CommentToggle() {}

  /** The edit that toggles comments on the lines touched by {@code [selStart, selEnd]}. */
  public static TextEdit toggle(String text, int selStart, int selEnd) {
    LineIndex lines = LineIndex.of(text);
    int first = lines.lineOf(selStart);
    int last = lines.lineOf(selEnd);
    if (last > first && selEnd == lines.lineStart(last)) {
      last--;
    }
    int start = lines.lineStart(first);
    int end = lines.lineEnd(last);
    String[] block = text.substring(start, end).split("\n", -1);
    boolean allCommented = true;
    int minIndent = Integer.MAX_VALUE;
    for (String line : block) {
      if (!line.isBlank()) {
        int indent = indentOf(line);
        minIndent = Math.min(minIndent, indent);
        allCommented &= line.charAt(indent) == '#';
      }
    }
    if (minIndent == Integer.MAX_VALUE) {
      return new TextEdit(start, end, text.substring(start, end));
    }
    StringBuilder out = new StringBuilder(end - start + block.length * 2);
    for (int i = 0; i < block.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(allCommented ? uncomment(block[i]) : comment(block[i], minIndent));
    }
    return new TextEdit(start, end, out.toString());
  }

  private static String comment(String line, int at) {
    return line.isBlank() ? line : line.substring(0, at) + "# " + line.substring(at);
  }

  private static String uncomment(String line) {
    if (line.isBlank()) {
      return line;
    }
    int hash = indentOf(line);
    int after = hash + 1;
    if (after < line.length() && line.charAt(after) == ' ') {
      after++;
    }
    return line.substring(0, hash) + line.substring(after);
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
