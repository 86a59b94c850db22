package dev.musket.app.explorer;

import java.nio.file.Path;
import java.util.List;

/**
 * What the explorer shows of a project at one moment; compared with the previous one so the tree is
 * rebuilt only when something changed.
 *
 * @param project the project folder
 * @param experiments sorted by name
 * @param commonYaml {@code common.yaml}, or null when absent
 * @param modules the files under {@code modules/}, sorted, or empty
 * @param modulesDir {@code modules/}, or null when absent
 * @param dataDir {@code data/}, or null when absent
 */
public record ProjectSnapshot(
    Path project,
    List<ExperimentInfo> experiments,
    Path commonYaml,
    Path modulesDir,
    List<Path> modules,
    Path dataDir) {

  public ProjectSnapshot {
    experiments = List.copyOf(experiments);
    modules = List.copyOf(modules);
  }
}
