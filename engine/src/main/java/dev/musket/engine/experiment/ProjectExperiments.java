package dev.musket.engine.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The experiments of a Musket project: every folder under {@code experiments/} that holds a {@code
 * config.yaml}, nested groups included, named by their path below {@code experiments/} with {@code
 * /} separators (Musket's {@code --name}).
 *
 * <p>The IDE's {@code .history} snapshots and the folders a fit writes (metrics, weights, ...) hold
 * config copies that are not experiments, so they are not searched.
 */
public final class ProjectExperiments {

  private static final Set<String> OUTPUT_DIRS =
      Set.of("metrics", "weights", "predictions", "examples", "reports", "resume", "evaluation");

  private ProjectExperiments() {}

  /** An experiment and its name. */
  public record Entry(String name, ExperimentFolder folder) {}

  /** All experiments of the project, sorted by name; empty when it has no experiments folder. */
  public static List<Entry> find(Path project) throws IOException {
    Path root = project.resolve("experiments");
    List<Entry> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            String name = dir.getFileName().toString();
            if (!dir.equals(root) && (name.startsWith(".") || OUTPUT_DIRS.contains(name))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (Files.isRegularFile(dir.resolve(ExperimentFolder.CONFIG))) {
              out.add(new Entry(nameOf(root, dir), ExperimentFolder.of(dir)));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    out.sort(Comparator.comparing(Entry::name));
    return out;
  }

  /** The experiments a plain {@code musket fit} would run: those not completed. */
  public static List<Entry> notCompleted(Path project) throws IOException {
    return find(project).stream().filter(e -> !e.folder().isCompleted()).toList();
  }

  /** Every experiment's name, sorted; empty when the project has no experiments folder. */
  public static List<String> names(Path project) {
    try {
      return find(project).stream().map(Entry::name).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The config file of the experiment named {@code name} (which need not exist yet). */
  public static Path configOf(Path project, String name) {
    return project.resolve("experiments").resolve(name).resolve(ExperimentFolder.CONFIG);
  }

  private static String nameOf(Path root, Path dir) {
    return root.relativize(dir).toString().replace('\\', '/');
  }
}
