package dev.musket.engine.config.validate;

import dev.musket.engine.config.SourcePosition;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a config: where it is (file, YAML path, line, column), how bad it is, and a
 * message that quotes the bad value and says what is allowed.
 *
 * @param file the file the problem is in; {@code null} for text that has no file yet (an unsaved
 *     editor)
 * @param yamlPath the path of the offending node, e.g. {@code stages[1].epochs}; empty for the
 *     document
 */
public record Diagnostic(
    Path file, String yamlPath, SourcePosition position, Severity severity, String message) {

  /** Sorted as a compiler prints them: by file, then line, then column. */
  public static final Comparator<Diagnostic> IN_FILE_ORDER =
      Comparator.comparing((Diagnostic d) -> String.valueOf(d.file()))
          .thenComparing(Diagnostic::position)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(yamlPath, "yamlPath");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(Path file, String yamlPath, SourcePosition at, String message) {
    return new Diagnostic(file, yamlPath, at, Severity.ERROR, message);
  }

  public static Diagnostic warning(Path file, String yamlPath, SourcePosition at, String message) {
    return new Diagnostic(file, yamlPath, at, Severity.WARNING, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public int line() {
    return position.line();
  }

  public int column() {
    return position.column();
  }

  /** {@code FILE:LINE:COL: error|warning: message}, the format of {@code musket validate}. */
  public String format() {
    String where = file == null ? "<text>" : file.toString();
    return where + ":" + position + ": " + severity.label() + ": " + message;
  }
}
