package dev.musket.engine.config;

import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.config.validate.ProjectNames;
import dev.musket.engine.config.validate.Validator;
import dev.musket.engine.project.ProjectModules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way to get an {@link ExperimentConfig}: read the file, merge the project's {@code
 * common.yaml}, validate, and bind only when there is no error. Inside a project ({@code
 * <project>/experiments/.../config.yaml}) unresolved names are errors; on its own, warnings. The
 * project's {@code modules/} code is compiled to learn the names it defines.
 */
public final class ExperimentLoader {

  private final ConfigLoader loader = new ConfigLoader();
  private final Schema schema;

  public ExperimentLoader(Schema schema) {
    this.schema = schema;
  }

  public ExperimentLoader() {
    this(Schema.classification());
  }

  /**
   * Everything known about one config: its diagnostics, when error-free the typed config, and the
   * names its project's code defines (what the editor's completion offers beside the built-ins).
   */
  public record Loaded(
      List<Diagnostic> diagnostics, Optional<ExperimentConfig> config, ProjectNames names) {

    public Loaded(List<Diagnostic> diagnostics, Optional<ExperimentConfig> config) {
      this(diagnostics, config, ProjectNames.standalone());
    }

    public boolean hasErrors() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  public Loaded load(Path file) {
    if (!Files.isRegularFile(file)) {
      return new Loaded(
          List.of(
              Diagnostic.error(
                  file,
                  "",
                  SourcePosition.START,
                  Files.isDirectory(file)
                      ? "is a folder; give the config.yaml inside it"
                      : "no such file")),
          Optional.empty());
    }
    return check(loader.read(file), ConfigLoader.projectOf(file));
  }

  /** Validates text that may not be saved yet (the editor), as if it were {@code file}. */
  public Loaded loadText(String text, Path file) {
    return check(
        loader.parse(text, file), file == null ? Optional.empty() : ConfigLoader.projectOf(file));
  }

  private Loaded check(ConfigDocument doc, Optional<Path> project) {
    if (project.isPresent()) {
      Path common = project.get().resolve("common.yaml");
      if (Files.isRegularFile(common)) {
        ConfigDocument commonDoc = loader.read(common);
        if (!commonDoc.readProblems().isEmpty()) {
          return new Loaded(commonDoc.readProblems(), Optional.empty());
        }
        doc = ConfigLoader.mergeCommon(doc, commonDoc);
      }
    }
    List<Diagnostic> moduleProblems = new ArrayList<>();
    ProjectNames names = namesFor(project, moduleProblems);
    List<Diagnostic> diagnostics = new ArrayList<>(moduleProblems);
    diagnostics.addAll(new Validator(schema, names).validate(doc));
    boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
    Optional<ExperimentConfig> config =
        errors || !(doc.root() instanceof ConfigNode.Mapping root)
            ? Optional.empty()
            : Optional.of(new ConfigBinder(schema).bind(doc.file(), root));
    return new Loaded(List.copyOf(diagnostics), config, names);
  }

  /**
   * Inside a project, the names are the engine's plus those its {@code modules/} code defines; the
   * code is compiled (once per change of its sources) and its compile errors become diagnostics. On
   * its own, or when the modules do not compile, unresolved names are only warnings.
   */
  private static ProjectNames namesFor(Optional<Path> project, List<Diagnostic> moduleProblems) {
    if (project.isEmpty()) {
      return ProjectNames.standalone();
    }
    ProjectModules modules = ProjectModules.compile(project.get()); // cached per source change
    moduleProblems.addAll(modules.problems());
    return modules.compiled() ? modules.names() : ProjectNames.standalone();
  }
}
