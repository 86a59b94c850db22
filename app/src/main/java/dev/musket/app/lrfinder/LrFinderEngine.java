package dev.musket.app.lrfinder;

import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.train.lrfinder.LrFinder;
import dev.musket.engine.train.lrfinder.LrFinderListener;
import dev.musket.engine.train.lrfinder.LrFinderResult;
import dev.musket.engine.train.lrfinder.LrFinderSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How the LR finder view-model runs the engine: the seam tests replace with a fake that produces
 * points without training.
 */
@FunctionalInterface
public interface LrFinderEngine {

  /**
   * Runs the LR finder on the config text (saved or not) of {@code configFile}, on the calling
   * (background) thread.
   *
   * @throws IllegalArgumentException with the diagnostics when the config or its data has errors
   */
  LrFinderResult run(
      Path project,
      Path configFile,
      String configText,
      LrFinderSettings settings,
      LrFinderListener listener,
      CancellationToken token)
      throws Exception;

  /** The real one: validates the text, then {@link LrFinder} into the experiment's lrfinder/. */
  static LrFinderEngine standard() {
    return (project, configFile, text, settings, listener, token) -> {
      ExperimentLoader.Loaded loaded = new ExperimentLoader().loadText(text, configFile);
      if (loaded.hasErrors() || loaded.config().isEmpty()) {
        throw new IllegalArgumentException(
            "the config has errors; fix them first:\n" + errors(loaded.diagnostics()));
      }
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
      LrFinder.Outcome outcome =
          new LrFinder()
              .run(
                  project,
                  loaded.config().get(),
                  settings,
                  LrFinder.defaultOutput(configFile),
                  threads,
                  listener,
                  token);
      return outcome
          .result()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "the data has errors:\n" + errors(outcome.diagnostics())));
    };
  }

  private static String errors(List<Diagnostic> diagnostics) {
    return diagnostics.stream()
        .filter(Diagnostic::isError)
        .map(Diagnostic::format)
        .collect(Collectors.joining("\n"));
  }
}
