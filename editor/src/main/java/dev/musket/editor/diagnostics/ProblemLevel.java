package dev.musket.editor.diagnostics;

/** How bad a {@link Problem} is; decides its squiggle colour, gutter marker and sort order. */
public enum ProblemLevel {
  ERROR,
  WARNING,
  INFO;

  /** The CSS style class for this level, e.g. {@code problem-error}. */
  public String styleClass() {
    return "problem-" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
