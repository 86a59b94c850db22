package dev.musket.app.explorer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for an experiment's name: its path below {@code experiments/}, {@code /} between groups.
 * Each part is letters, digits, {@code . _ -}; it cannot start with a dot (hidden folders are not
 * searched for experiments) nor be one of the folder names a fit writes (they are skipped too), so
 * an experiment created here is always found again.
 */
public final class ExperimentNames {

  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
  private static final Set<String> RESERVED =
      Set.of("metrics", "weights", "predictions", "examples", "reports", "resume");

  private ExperimentNames() {}

  /** Why {@code name} cannot be a new experiment in {@code project}, or empty when it can. */
  public static Optional<String> problemWith(Path project, String name) {
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      return Optional.of("Enter a name, e.g. resnet18_lr0.01 or group/baseline.");
    }
    if (n.length() > 120) {
      return Optional.of("The name is too long (at most 120 characters).");
    }
    for (String part : n.split("/", -1)) {
      if (part.isEmpty()) {
        return Optional.of("'" + n + "' has an empty part; use single slashes between groups.");
      }
      if (RESERVED.contains(part)) {
        return Optional.of(
            "'" + part + "' is a folder a training run writes; choose another name.");
      }
      if (!PART.matcher(part).matches()) {
        return Optional.of(
            "'"
                + part
                + "' may only use letters, digits, '.', '_' and '-', and must not start with '.'"
                + " or '-'.");
      }
    }
    Path dir = folderOf(project, n);
    if (Files.exists(dir)) {
      return Optional.of("experiments/" + n + " already exists.");
    }
    return Optional.empty();
  }

  /** The folder of experiment {@code name}. */
  public static Path folderOf(Path project, String name) {
    return project.resolve("experiments").resolve(name.strip());
  }
}
