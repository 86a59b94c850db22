package dev.musket.editor.schema;

import dev.musket.editor.diagnostics.DiagnosticsProvider;
import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.diagnostics.ProblemLevel;
import dev.musket.editor.document.KeyEntry;
import dev.musket.editor.document.YamlOutline;
import java.util.ArrayList;
import java.util.List;

/**
 * A real, small validator for tests and the demo: every key written in a mapping whose schema lists
 * keys must be one of them. (The app uses the engine's validator instead.)
 */
public final class SchemaKeyDiagnostics implements DiagnosticsProvider {

  private final SchemaProvider schema;

  public SchemaKeyDiagnostics(SchemaProvider schema) {
    this.schema = schema;
  }

  @Override
  public List<Problem> diagnose(String text) {
    List<Problem> problems = new ArrayList<>();
    for (KeyEntry entry : YamlOutline.of(text).entries()) {
      List<SchemaKey> allowed = schema.keys(entry.mapPath());
      if (!allowed.isEmpty() && allowed.stream().noneMatch(k -> k.name().equals(entry.key()))) {
        String where = entry.mapPath().isRoot() ? "at the top level" : "in " + entry.mapPath();
        problems.add(
            new Problem(
                entry.line() + 1,
                entry.column() + 1,
                entry.endColumn() + 1,
                ProblemLevel.ERROR,
                "Unknown key '" + entry.key() + "' " + where + "."));
      }
    }
    return problems;
  }
}
