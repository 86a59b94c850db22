package dev.musket.app.explorer;

import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.ExperimentSummary;
import dev.musket.engine.experiment.MetricsSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds small project folders with experiments in each state the engine leaves them. */
final class TestProjects {

  private TestProjects() {}

  static Path experiment(Path project, String name, String config) throws IOException {
    Path dir = project.resolve("experiments").resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.yaml"), config);
    return dir;
  }

  /** A completed run whose val_accuracy folds were 0.8 and 0.9, and accuracy_holdout 0.75. */
  static void complete(Path dir) throws IOException {
    MetricsSummary all =
        MetricsSummary.fromFoldValues(
            Map.of("accuracy", List.of(0.8, 0.9), "loss", List.of(0.5, 0.3)), Map.of("loss", 0.4));
    ExperimentFolder.of(dir)
        .writeSummary(new ExperimentSummary("config.yaml", 1.0, List.of(0, 1), List.of(all), all));
  }
}
