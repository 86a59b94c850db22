package dev.musket.editor.document;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Follows the nesting of block-style YAML line by line: which mapping or list each line belongs to.
 *
 * <p>It keeps a stack of open collections keyed by their indentation column, the way a reader of
 * the file sees it, and never fails: malformed indentation is attached to the nearest sensible
 * parent so completion still works while a line is being typed.
 */
final class BlockStructure {

  private static final int UNKNOWN = -1;

  private static final class Frame {
    int column;
    final boolean list;
    final YamlPath path;
    final int floor;
    int items;

    Frame(int column, boolean list, YamlPath path) {
      this(column, list, path, UNKNOWN);
    }

    /** {@code floor}: keys of this mapping must sit right of it (an item's list column). */
    Frame(int column, boolean list, YamlPath path, int floor) {
      this.column = column;
      this.list = list;
      this.path = path;
      this.floor = floor;
    }
  }

  private final Deque<Frame> stack = new ArrayDeque<>();
  private String pendingKey;
  private int pendingColumn;
  private YamlPath pendingParent;
  private int blockScalarColumn = UNKNOWN;

  BlockStructure() {
    stack.push(new Frame(UNKNOWN, false, YamlPath.root()));
  }

  /**
   * Whether a line is part of a block scalar ({@code |} or {@code >}) opened above it, whose text
   * must not be read as keys. Call before {@link #accept}.
   */
  boolean insideBlockScalar(YamlLine line) {
    if (blockScalarColumn == UNKNOWN) {
      return false;
    }
    if (line.isBlankOrComment() || line.indent() > blockScalarColumn) {
      return true;
    }
    blockScalarColumn = UNKNOWN;
    return false;
  }

  /**
   * Takes one full line into the structure and returns the path of the mapping that holds its key,
   * or {@code null} when the line has no key.
   */
  YamlPath accept(YamlLine line) {
    if (line.isBlankOrComment()) {
      return null;
    }
    openItems(line);
    if (line.key() == null) {
      if (line.dashCount() == 0 || !line.value().isEmpty()) {
        pendingKey = null;
      }
      return null;
    }
    YamlPath mapPath = mapAt(line.keyColumn());
    if (line.opensBlock()) {
      pendingKey = line.key();
      pendingColumn = line.keyColumn();
      pendingParent = mapPath;
    } else {
      pendingKey = null;
      if (isBlockScalarIndicator(line.value())) {
        blockScalarColumn = line.keyColumn();
      }
    }
    return mapPath;
  }

  /** Opens one list item per dash that starts the line. */
  void openItems(YamlLine line) {
    boolean first = true;
    for (int column : line.dashColumns()) {
      openItem(column, !first);
      first = false;
    }
  }

  /** The path of the list item a dash at {@code column} opens. */
  private void openItem(int column, boolean nestedOnSameLine) {
    if (pendingKey != null && column >= pendingColumn) {
      stack.push(new Frame(column, true, pendingParent.child(pendingKey)));
      pendingKey = null;
    } else if (nestedOnSameLine) {
      stack.push(new Frame(column, true, stack.peek().path));
    } else {
      pendingKey = null;
      while (stack.size() > 1) {
        Frame top = stack.peek();
        boolean endsHere =
            top.list ? top.column > column : top.column == UNKNOWN || top.column >= column;
        if (!endsHere) {
          break;
        }
        stack.pop();
      }
      if (!stack.peek().list || stack.peek().column != column) {
        stack.push(new Frame(column, true, stack.peek().path));
      }
    }
    Frame list = stack.peek();
    stack.push(new Frame(UNKNOWN, false, list.path.item(list.items++), list.column));
  }

  /** The path of the mapping a key at {@code column} belongs to, opening it if needed. */
  YamlPath mapAt(int column) {
    if (pendingKey != null && column > pendingColumn) {
      Frame nested = new Frame(column, false, pendingParent.child(pendingKey));
      stack.push(nested);
      pendingKey = null;
      return nested.path;
    }
    pendingKey = null;
    while (stack.size() > 1) {
      Frame top = stack.peek();
      if (!top.list && top.column == UNKNOWN && column > top.floor) {
        top.column = column;
        return top.path;
      }
      if (top.list ? top.column >= column : top.column == UNKNOWN || top.column > column) {
        stack.pop();
      } else {
        return top.path;
      }
    }
    Frame root = stack.peek();
    if (root.column == UNKNOWN) {
      root.column = column;
    }
    return root.path;
  }

  private static boolean isBlockScalarIndicator(String value) {
    return !value.isEmpty()
        && (value.charAt(0) == '|' || value.charAt(0) == '>')
        && value.chars().skip(1).allMatch(c -> c == '-' || c == '+' || Character.isDigit(c));
  }
}
