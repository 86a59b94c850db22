package dev.musket.app.data;

import dev.musket.engine.config.ConfigLoader;
import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.data.ExperimentData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Config text to {@link ExperimentData}, the way both data views need it, with the outcome as a
 * value: either the data or one message to show in place of it. Why a message and not an exception:
 * a config being typed is broken most of the time, and that is not exceptional.
 */
final class ExperimentDataLoading {

  private ExperimentDataLoading() {}

  /** The typed config and its data, or the message that explains why there are none. */
  record Outcome(Optional<ExperimentConfig> config, Optional<ExperimentData> data, String message) {
    static Outcome failed(String message) {
      return new Outcome(Optional.empty(), Optional.empty(), message);
    }
  }

  /** Loads {@code text} (saved or not) as if it were {@code file}; null text reads the file. */
  static Outcome load(String text, Path file, Path fallbackProject) {
    Outcome checked = config(text, file);
    return checked.config().isEmpty()
        ? checked
        : data(checked.config().get(), file, fallbackProject);
  }

  /** Validates the config only (cheap): the outcome has the typed config or the first error. */
  static Outcome config(String text, Path file) {
    ExperimentLoader loader = new ExperimentLoader();
    ExperimentLoader.Loaded loaded = text == null ? loader.load(file) : loader.loadText(text, file);
    Optional<String> error = firstError(loaded.diagnostics());
    if (error.isPresent() || loaded.config().isEmpty()) {
      return Outcome.failed(error.orElse("the config cannot be read"));
    }
    return new Outcome(loaded.config(), Optional.empty(), "");
  }

  /** Builds the data of a valid config: the dataset (listing files, not decoding) and pipeline. */
  static Outcome data(ExperimentConfig config, Path file, Path fallbackProject) {
    return data(config, file, fallbackProject, null);
  }

  /** Like {@link #data(ExperimentConfig, Path, Path)}, reusing a kept dataset when it fits. */
  static Outcome data(
      ExperimentConfig config, Path file, Path fallbackProject, DatasetReuse datasets) {
    Path project = ConfigLoader.projectOf(file).orElse(fallbackProject);
    if (project == null) {
      return Outcome.failed("the config is not inside a project, so its data cannot be found");
    }
    ExperimentData.Build build =
        datasets == null
            ? ExperimentData.from(config, project)
            : ExperimentData.from(config, project, datasets.dataset(config, project));
    Optional<String> dataError = firstError(build.diagnostics());
    if (dataError.isPresent() || build.data().isEmpty()) {
      return new Outcome(
          Optional.of(config), Optional.empty(), dataError.orElse("the dataset cannot be built"));
    }
    return new Outcome(Optional.of(config), build.data(), "");
  }

  /** {@code LINE:COL: message} of the first error in file order, the form users click through. */
  static Optional<String> firstError(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .filter(Diagnostic::isError)
        .sorted(Diagnostic.IN_FILE_ORDER)
        .findFirst()
        .map(d -> fileName(d) + d.position() + ": " + d.message());
  }

  private static String fileName(Diagnostic d) {
    return d.file() == null || d.file().getFileName() == null ? "" : d.file().getFileName() + ":";
  }
}
