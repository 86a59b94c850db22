package dev.musket.editor.hover;

import java.util.List;

/**
 * What a hover popup shows: the problems under the mouse and the documentation of the word there.
 *
 * @param problems messages of the problems covering the hovered offset, worst first
 * @param title the hovered key or value, empty when there is no documentation
 * @param doc its documentation, empty when there is none
 */
public record HoverContent(List<String> problems, String title, String doc) {

  public HoverContent {
    problems = List.copyOf(problems);
  }

  /** Whether there is anything to show. */
  public boolean isEmpty() {
    return problems.isEmpty() && doc.isEmpty();
  }

  /** All of it as plain text, problems first. */
  public String asText() {
    StringBuilder text = new StringBuilder();
    problems.forEach(p -> text.append(p).append('\n'));
    if (!doc.isEmpty()) {
      if (!problems.isEmpty()) {
        text.append('\n');
      }
      text.append(title).append('\n').append(doc);
    }
    return text.toString().strip();
  }
}
