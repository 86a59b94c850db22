package dev.musket.engine.config.validate;

import dev.musket.engine.config.ConfigDocument;
import dev.musket.engine.config.ConfigLoader;
import dev.musket.engine.config.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validates a config file where it stands: inside a project ({@code <project>/experiments/...}) its
 * {@code common.yaml} is merged in and unresolved names are errors; on its own, they are warnings.
 */
public final class FileValidation {

  private final ConfigLoader loader = new ConfigLoader();

  public List<Diagnostic> validate(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of(
          Diagnostic.error(
              file,
              "",
              dev.musket.engine.config.SourcePosition.START,
              Files.isDirectory(file)
                  ? "is a folder; give the config.yaml inside it"
                  : "no such file"));
    }
    ConfigDocument doc = loader.read(file);
    Optional<Path> project = ConfigLoader.projectOf(file);
    if (project.isPresent()) {
      Path common = project.get().resolve("common.yaml");
      if (Files.isRegularFile(common)) {
        ConfigDocument commonDoc = loader.read(common);
        if (!commonDoc.readProblems().isEmpty()) {
          return commonDoc.readProblems();
        }
        doc = ConfigLoader.mergeCommon(doc, commonDoc);
      }
    }
    return new Validator(Schema.classification(), namesFor(project)).validate(doc);
  }

  /**
   * Inside a project without code, only the engine's names exist. A project with {@code modules/}
   * code defines names of its own, which the module compiler reports; until that has run the
   * config's unresolved names stay warnings.
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
