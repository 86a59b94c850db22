package dev.musket.engine.train;

import dev.musket.engine.project.ProjectModules;
import dev.musket.engine.train.loss.LossRegistry;
import dev.musket.engine.train.loss.ProjectLosses;
import dev.musket.engine.train.metric.MetricRegistry;
import dev.musket.engine.train.metric.ProjectMetrics;
import java.nio.file.Path;

/**
 * The losses and metrics one run resolves names against: the built-ins plus what the project's
 * {@code modules/*.java} define ({@code @Loss}, {@code @Metric}). Every part of a run that turns a
 * loss or metric name into an object (networks, per-epoch scores, summaries, final metrics, the LR
 * finder) takes them from here, so a project name works wherever a built-in one does.
 */
public record ScoringRegistries(LossRegistry losses, MetricRegistry metrics) {

  /** Only the built-ins. */
  public static ScoringRegistries builtIn() {
    LossRegistry losses = LossRegistry.withBuiltIns();
    return new ScoringRegistries(losses, MetricRegistry.withBuiltIns(losses));
  }

  /**
   * The built-ins and the project's own (its modules compiled once per change of their sources).
   *
   * @throws IllegalStateException when the modules do not compile, naming the first error
   */
  public static ScoringRegistries forProject(Path projectDir) {
    ScoringRegistries registries = builtIn();
    ProjectModules modules = ProjectModules.compile(projectDir);
    if (!modules.compiled()) {
      throw new IllegalStateException(
          "the project's modules do not compile: " + modules.problems().get(0).format());
    }
    ProjectLosses.register(modules, registries.losses());
    ProjectMetrics.register(modules, registries.metrics());
    return registries;
  }
}
