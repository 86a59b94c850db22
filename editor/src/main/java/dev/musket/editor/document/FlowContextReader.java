package dev.musket.editor.document;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Finds the cursor's place inside a one-line flow collection such as {@code [binary_accuracy, mac}
 * or <code>{image_folder: [data/img</code>, which Musket configs use for lists, shapes and dataset
 * factory calls.
 */
final class FlowContextReader {

  private static final class Level {
    final boolean map;
    final YamlPath path;
    int index;
    String key;
    boolean inValue;

    Level(boolean map, YamlPath path) {
      this.map = map;
      this.path = path;
    }

    YamlPath childPath() {
      return map ? path.child(key == null ? "" : key) : path.item(index);
    }
  }

  private FlowContextReader() {}

  /**
   * Reads {@code flow} (the value text from its opening bracket up to the cursor) that belongs to
   * the key at {@code valuePath}; {@code flowStart} is its offset in the document.
   */
  static CursorContext read(String flow, YamlPath valuePath, int flowStart, int line, int indent) {
    Deque<Level> levels = new ArrayDeque<>();
    int tokenStart = 0;
    char quote = 0;
    for (int i = 0; i < flow.length(); i++) {
      char c = flow.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        continue;
      }
      switch (c) {
        case '"', '\'' -> quote = c;
        case '[', '{' -> {
          YamlPath path = levels.isEmpty() ? valuePath : nestedPath(levels.peek());
          levels.push(new Level(c == '{', path));
          tokenStart = i + 1;
        }
        case ']', '}' -> {
          levels.poll();
          tokenStart = i + 1;
        }
        case ',' -> {
          Level top = levels.peek();
          if (top != null) {
            top.index++;
            top.key = null;
            top.inValue = false;
          }
          tokenStart = i + 1;
        }
        case ':' -> {
          Level top = levels.peek();
          boolean separator = i + 1 == flow.length() || flow.charAt(i + 1) == ' ';
          if (top != null && top.map && !top.inValue && separator) {
            top.key = flow.substring(tokenStart, i).trim();
            top.inValue = true;
            tokenStart = i + 1;
          }
        }
        default -> {}
      }
    }
    Level top = levels.peek();
    if (top == null || quote != 0) {
      return CursorContext.none(flowStart + flow.length(), line);
    }
    int start = tokenStart;
    while (start < flow.length() && flow.charAt(start) == ' ') {
      start++;
    }
    String prefix = flow.substring(start);
    int prefixStart = flowStart + start;
    if (top.map && !top.inValue) {
      return new CursorContext(
          CursorContext.Kind.KEY, top.path, prefix, prefixStart, line, indent, true);
    }
    YamlPath path = top.map ? top.path.child(top.key) : top.path;
    return new CursorContext(
        CursorContext.Kind.VALUE, path, prefix, prefixStart, line, indent, true);
  }

  private static YamlPath nestedPath(Level parent) {
    if (parent.map && parent.inValue) {
      return parent.path.child(parent.key);
    }
    return parent.childPath();
  }
}
