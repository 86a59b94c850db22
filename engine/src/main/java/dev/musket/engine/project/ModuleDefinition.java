package dev.musket.engine.project;

import dev.musket.engine.config.SourcePosition;
import java.nio.file.Path;

/**
 * One name that project code defines: which kind (dataset factory, metric...), the name configs
 * use, and the method behind it, with where it is written.
 *
 * @param kind the annotation's simple name: DatasetFactory, Metric, Loss, Architecture, Callback,
 *     Task
 */
public record ModuleDefinition(
    String kind,
    String name,
    String className,
    String methodName,
    Path file,
    SourcePosition position) {

  /** {@code Class.method (File.java:12)}: where it is written, for messages. */
  public String where() {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return simple
        + "."
        + methodName
        + " ("
        + (file == null ? "?" : file.getFileName())
        + ":"
        + position.line()
        + ")";
  }
}
