package dev.musket.engine.config.validate;

/** How bad a {@link Diagnostic} is: an error stops a run, a warning does not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The word used in {@code FILE:LINE:COL: error: message} output. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
