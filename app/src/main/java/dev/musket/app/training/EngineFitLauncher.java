package dev.musket.app.training;

import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.events.TrainingListener;
import dev.musket.engine.experiment.ProjectExperiments;
import dev.musket.engine.train.ExperimentRunner;
import dev.musket.engine.train.FitOptions;
import dev.musket.engine.train.FitResult;
import java.nio.file.Path;

/**
 * The real fit, as {@code musket fit} runs it: the saved config is loaded and validated (an invalid
 * one is refused with its diagnostics, nothing trained), then {@link ExperimentRunner} trains it in
 * this JVM.
 */
public final class EngineFitLauncher implements FitLauncher {

  @Override
  public FitResult fit(
      Path project,
      String name,
      FitOptions options,
      TrainingListener listener,
      CancellationToken token) {
    ExperimentLoader.Loaded loaded =
        new ExperimentLoader().load(ProjectExperiments.configOf(project, name));
    if (loaded.hasErrors() || loaded.config().isEmpty()) {
      return new FitResult(
          FitResult.Outcome.INVALID, loaded.diagnostics(), "the config has errors; not trained");
    }
    return new ExperimentRunner()
        .fit(project.toAbsolutePath(), name, loaded.config().get(), options, listener, token);
  }
}
