package dev.musket.engine.config.validate;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects diagnostics while a config is read and checked; nothing stops at the first problem. */
public final class DiagnosticSink {

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public void error(ConfigNode at, String message) {
    add(at, Severity.ERROR, message);
  }

  public void warning(ConfigNode at, String message) {
    add(at, Severity.WARNING, message);
  }

  public void add(ConfigNode at, Severity severity, String message) {
    diagnostics.add(new Diagnostic(at.file(), at.path(), at.position(), severity, message));
  }

  public void add(
      Path file, String path, SourcePosition position, Severity severity, String message) {
    diagnostics.add(new Diagnostic(file, path, position, severity, message));
  }

  public void add(Diagnostic d) {
    diagnostics.add(d);
  }

  public void addAll(List<Diagnostic> ds) {
    diagnostics.addAll(ds);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public int size() {
    return diagnostics.size();
  }

  /** Every diagnostic so far, in file order, without exact duplicates. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> out = new ArrayList<>(new java.util.LinkedHashSet<>(diagnostics));
    out.sort(Diagnostic.IN_FILE_ORDER);
    return Collections.unmodifiableList(out);
  }
}
