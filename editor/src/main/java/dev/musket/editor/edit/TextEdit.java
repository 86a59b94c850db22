package dev.musket.editor.edit;

/**
 * A replacement of {@code [start, end)} by {@code replacement}: what the pure editing commands
 * return, so they are tested on strings and applied to the area in one undoable step.
 *
 * @param start first offset replaced
 * @param end offset just after the last one replaced
 * @param replacement the new text
 */
public record TextEdit(int start, int end, String replacement) {

  /** {@code text} with this edit applied. */
  public String applyTo(String text) {
    return text.substring(0, start) + replacement + text.substring(end);
  }
}
