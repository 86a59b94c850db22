package dev.musket.app.experiments;

import dev.musket.app.state.ExperimentStatus;
import dev.musket.engine.analysis.ExperimentAnalysis;
import dev.musket.engine.analysis.ProjectAnalyzer;
import dev.musket.engine.config.schema.PropertySpec;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.ExperimentScore;
import dev.musket.engine.experiment.SummaryStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads a project's experiments into table rows; runs in the background (it reads every config,
 * metrics CSV and summary). The metrics and flattened keys are analyze's own ({@link
 * ProjectAnalyzer#experiments}), so the table and {@code musket analyze} never disagree.
 */
final class ExperimentsLoader {

  private final ProjectAnalyzer analyzer = new ProjectAnalyzer();

  /**
   * @param running the experiment folders this workbench is training now (absolute, normalized)
   */
  List<ExperimentRow> load(Path project, Set<Path> running) throws IOException {
    List<ExperimentRow> rows = new ArrayList<>();
    for (ExperimentAnalysis e : analyzer.experiments(project)) {
      ExperimentFolder folder = e.folder();
      Optional<SummaryStatus> summary = readSummary(folder);
      ExperimentStatus status =
          ExperimentStatus.of(summary, folder.isInProgress(), running.contains(folder.dir()));
      rows.add(
          new ExperimentRow(
              e.path(),
              folder.dir(),
              folder.configFile(),
              e.configText(),
              e.configReadable(),
              status,
              status == ExperimentStatus.RUNNING ? null : score(summary, e),
              e.foldCount(),
              e.flatConfig(),
              e.metrics()));
    }
    return rows;
  }

  /** A summary that cannot be parsed is shown as having none rather than failing the table. */
  private static Optional<SummaryStatus> readSummary(ExperimentFolder folder) {
    try {
      return folder.readSummary();
    } catch (IOException | RuntimeException e) {
      return folder.isCompleted()
          ? Optional.of(new SummaryStatus.Unknown(String.valueOf(e.getMessage())))
          : Optional.empty();
    }
  }

  private static Double score(Optional<SummaryStatus> summary, ExperimentAnalysis e) {
    if (summary.isEmpty()) {
      return null;
    }
    if (summary.get() instanceof SummaryStatus.SeedsAggregate seeds) {
      return seeds.scores().mean();
    }
    if (summary.get() instanceof SummaryStatus.Completed done) {
      String primary = e.flatConfig().getOrDefault("primary_metric", defaultPrimaryMetric());
      OptionalDouble s =
          ExperimentScore.of(done.summary(), primary, e.flatConfig().get("experiment_result"));
      return s.isPresent() ? s.getAsDouble() : null;
    }
    return null;
  }

  private static String defaultPrimaryMetric() {
    return Schema.classification()
        .rootProperty("primary_metric")
        .map(PropertySpec::defaultValue)
        .map(String::valueOf)
        .orElse("val_loss");
  }
}
