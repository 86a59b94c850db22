package dev.musket.engine.config;

import dev.musket.engine.config.validate.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared fixtures: a small valid config and where the reference configs live. */
final class TestConfigs {

  static final String VALID =
      """
      #%Musket Classification 1.0
      architecture: ResNet18
      classes: 3
      activation: softmax
      shape: [64, 64, 3]
      optimizer: Adam
      loss: categorical_crossentropy
      metrics: [categorical_accuracy]
      primary_metric: val_categorical_accuracy
      stages:
        - epochs: 2
      """;

  private TestConfigs() {}

  /** {@code ../shared/reference/musket-configs} beside the repository (CI clones shared/ there). */
  static Path referenceConfigs() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("../shared/reference/musket-configs").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "shared/reference/musket-configs not found beside the repository; the reference-config tests"
            + " need the shared folder that CI clones next to the repo");
  }

  static List<Diagnostic> validate(String text) {
    return new ExperimentLoader().loadText(text, null).diagnostics();
  }
}
