package dev.musket.engine.train;

import dev.musket.engine.experiment.ExperimentFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The experiments of a project, as Musket finds them: every folder under {@code experiments/}
 * holding a {@code config.yaml}, nested folders included, named by their path relative to {@code
 * experiments/} with {@code /} separators.
 */
public final class ProjectExperiments {

  private ProjectExperiments() {}

  /** Every experiment's name, sorted. */
  public static List<String> names(Path project) {
    Path root = project.resolve("experiments");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.getFileName().toString().equals(ExperimentFolder.CONFIG))
          .filter(Files::isRegularFile)
          .map(p -> root.relativize(p.getParent()).toString().replace('\\', '/'))
          .filter(n -> !n.isEmpty())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The config file of an experiment. */
  public static Path configOf(Path project, String name) {
    return project.resolve("experiments").resolve(name).resolve(ExperimentFolder.CONFIG);
  }
}
