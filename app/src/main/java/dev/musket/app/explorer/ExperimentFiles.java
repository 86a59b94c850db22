package dev.musket.app.explorer;

import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Creates, duplicates, renames and deletes experiment folders: plain file I/O, run in the
 * background. Names are checked with {@link ExperimentNames} first; a bad one is an {@link
 * IllegalArgumentException} whose message says what to change.
 *
 * <p>Delete moves the folder to {@code <project>/.musket/trash/<name>-<time>} instead of erasing
 * it: trained weights can take hours to reproduce, and the trash is a hidden folder the engine
 * never searches. Emptying it is left to the user.
 */
public final class ExperimentFiles {

  static final String TEMPLATE = "template-config.yaml";

  private ExperimentFiles() {}

  /** The built-in config a new experiment starts from. */
  public static String template() {
    try (InputStream in = ExperimentFiles.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the application");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new experiment with the template config; returns its config file. */
  public static Path create(Path project, String name) throws IOException {
    Path dir = checkedNew(project, name);
    Path config = dir.resolve("config.yaml");
    AtomicFiles.writeString(config, template());
    return config;
  }

  /**
   * A new experiment with a copy of {@code source}'s config only: a duplicate is a new run to
   * train, not a copy of the old run's results.
   */
  public static Path duplicate(Path project, Path sourceDir, String name) throws IOException {
    Path dir = checkedNew(project, name);
    Path config = dir.resolve("config.yaml");
    AtomicFiles.writeString(config, Files.readString(sourceDir.resolve("config.yaml")));
    return config;
  }

  /** Moves the whole folder (results included) to the new name; returns the new folder. */
  public static Path rename(Path project, Path sourceDir, String name) throws IOException {
    Path dir = checkedNew(project, name);
    if (dir.startsWith(sourceDir)) {
      throw new IllegalArgumentException("An experiment cannot be moved into itself.");
    }
    Files.createDirectories(dir.getParent());
    Files.move(sourceDir, dir);
    return dir;
  }

  /** Moves the folder into the project's trash; returns where it went. */
  public static Path delete(Path project, Path dir) throws IOException {
    Path experiments = project.resolve("experiments").toAbsolutePath().normalize();
    Path target = dir.toAbsolutePath().normalize();
    if (!target.startsWith(experiments) || target.equals(experiments)) {
      throw new IllegalArgumentException(dir + " is not an experiment folder of " + project);
    }
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    String flat = experiments.relativize(target).toString().replace('/', '_');
    Path trash = project.resolve(".musket").resolve("trash").resolve(flat + "-" + stamp);
    Files.createDirectories(trash.getParent());
    Files.move(target, trash);
    return trash;
  }

  private static Path checkedNew(Path project, String name) {
    ExperimentNames.problemWith(project, name)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    return ExperimentNames.folderOf(project, name);
  }
}
