package dev.musket.app.editors;

import dev.musket.editor.diagnostics.DiagnosticsProvider;
import dev.musket.editor.diagnostics.Problem;
import dev.musket.editor.diagnostics.ProblemLevel;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's validator as the editor's {@link DiagnosticsProvider}: the text being edited (even
 * unsaved) is validated as if it were the file it will be saved to, so common.yaml and the
 * project's modules count. Problems in other files (common.yaml, a module) are shown on the first
 * line, naming the file, since the user must go there to fix them.
 */
public final class EngineDiagnosticsProvider implements DiagnosticsProvider {

  private final ExperimentLoader loader;
  private final Path file;
  private final ProjectNamesCache projectNames;

  /**
   * @param file where the text lives (or will be saved); {@code null} for text with no file
   */
  public EngineDiagnosticsProvider(ExperimentLoader loader, Path file) {
    this(loader, file, new ProjectNamesCache());
  }

  /** Also hands the project's names each validation found to {@code projectNames}. */
  EngineDiagnosticsProvider(ExperimentLoader loader, Path file, ProjectNamesCache projectNames) {
    this.loader = loader;
    this.file = file;
    this.projectNames = projectNames;
  }

  @Override
  public List<Problem> diagnose(String text) {
    List<Problem> problems = new ArrayList<>();
    ExperimentLoader.Loaded loaded = loader.loadText(text, file);
    projectNames.update(loaded.names());
    for (Diagnostic d : loaded.diagnostics()) {
      ProblemLevel level = d.isError() ? ProblemLevel.ERROR : ProblemLevel.WARNING;
      boolean here = d.file() == null || file == null || d.file().equals(file);
      problems.add(
          here
              ? new Problem(d.line(), d.column(), level, d.message())
              : new Problem(
                  1, 1, level, d.file().getFileName() + ":" + d.position() + ": " + d.message()));
    }
    return problems;
  }
}
