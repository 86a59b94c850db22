package dev.musket.engine.config;

/**
 * Where something stands in a config file: 1-based line and column, as editors and compilers show
 * them.
 *
 * <p>Every value read from YAML keeps its position so that a problem found long after parsing (an
 * unknown augmenter, a wrong type, a monitored metric that is never computed) can still be reported
 * at the exact place the user has to edit.
 */
public record SourcePosition(int line, int column) implements Comparable<SourcePosition> {

  /** For values that exist only as defaults: reported at the top of the file. */
  public static final SourcePosition START = new SourcePosition(1, 1);

  public SourcePosition {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based, got " + line + ":" + column);
    }
  }

  @Override
  public int compareTo(SourcePosition other) {
    return line != other.line
        ? Integer.compare(line, other.line)
        : Integer.compare(column, other.column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
