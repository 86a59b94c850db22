package dev.musket.engine.config;

import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.config.validate.ProjectNames;
import dev.musket.engine.config.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one way to get an {@link ExperimentConfig}: read the file, merge the project's {@code
 * common.yaml}, validate, and bind only when there is no error. Inside a project ({@code
 * <project>/experiments/.../config.yaml}) unresolved names are errors; on its own, warnings.
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

  /** Everything known about one config: its diagnostics and, when error-free, the typed config. */
  public record Loaded(List<Diagnostic> diagnostics, Optional<ExperimentConfig> config) {
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
    List<Diagnostic> diagnostics = new Validator(schema, namesFor(project)).validate(doc);
    boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
    Optional<ExperimentConfig> config =
        errors || !(doc.root() instanceof ConfigNode.Mapping root)
            ? Optional.empty()
            : Optional.of(new ConfigBinder(schema).bind(doc.file(), root));
    return new Loaded(diagnostics, config);
  }

  /**
   * Inside a project without code, only the engine's names exist. A project with {@code modules/}
   * code defines names of its own that only compiling it reveals; until the module compiler has
   * run, the config's unresolved names stay warnings.
   */
  static ProjectNames namesFor(Optional<Path> project) {
    if (project.isEmpty() || hasModuleCode(project.get())) {
      return ProjectNames.standalone();
    }
    return ProjectNames.of(project.get(), Map.of());
  }

  private static boolean hasModuleCode(Path project) {
    Path modules = project.resolve("modules");
    if (!Files.isDirectory(modules)) {
      return false;
    }
    try (Stream<Path> files = Files.list(modules)) {
      return files.anyMatch(p -> p.toString().endsWith(".java"));
    } catch (IOException e) {
      return true;
    }
  }
}
