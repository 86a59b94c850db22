package dev.musket.app.training;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.FoldStage;
import dev.musket.engine.experiment.MetricsTable;
import dev.musket.engine.experiment.SummaryStatus;
import dev.musket.engine.train.callbacks.MonitorMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a finished (or interrupted) experiment's {@link ChartData} from its files, off the FX
 * thread (public for features that chart several experiments together): {@code
 * metrics/metrics-<fold>.<stage>.csv} for the epoch charts, the per-batch {@code .csvall.csv} when
 * the config logged it ({@code logAll}), and the markers.
 *
 * <p>The files do not record the markers, so they are recomputed: the best epoch is where the
 * primary metric was best (first occurrence, as Keras' checkpoint keeps the first of equals); an
 * early stop is inferred when a completed run's stage logged fewer epochs than its config asked for
 * (a time limit or a kill leaves no summary, so it is not mistaken for one).
 */
public final class MetricsCsvCharts {

  private MetricsCsvCharts() {}

  /** An experiment's charts from the files in its folder; call off the FX thread. */
  public static ChartData load(Path experimentDir) throws IOException {
    return load(ExperimentFolder.of(experimentDir));
  }

  static ChartData load(ExperimentFolder folder) throws IOException {
    ChartData data = new ChartData();
    Optional<ExperimentConfig> config = config(folder);
    String primary = config.map(c -> c.training().primaryMetric()).orElse("val_loss");
    MonitorMode mode =
        MonitorMode.resolveForCheckpoint(
            config.map(c -> c.training().primaryMetricMode()).orElse("auto"), primary);
    boolean completed =
        folder.readSummary().filter(s -> s instanceof SummaryStatus.Completed).isPresent();
    for (Map.Entry<FoldStage, MetricsTable> e : folder.readAllMetrics().entrySet()) {
      int fold = e.getKey().fold();
      int stage = e.getKey().stage();
      MetricsTable table = e.getValue();
      for (MetricsTable.Row row : table.rows()) {
        data.addEpoch(fold, stage, row.epoch(), row.values());
      }
      bestEpoch(table, primary, mode).ifPresent(epoch -> data.markBest(fold, stage, epoch));
      if (completed && config.isPresent() && !table.rows().isEmpty()) {
        var stages = config.get().training().stages();
        int logged = table.nextEpoch();
        if (stage < stages.size() && logged < stages.get(stage).epochs()) {
          data.markEarlyStop(fold, stage, logged - 1);
        }
      }
      loadBatches(folder, fold, stage, data);
    }
    return data;
  }

  private static void loadBatches(ExperimentFolder folder, int fold, int stage, ChartData data)
      throws IOException {
    var file = folder.metricsAllCsv(fold, stage);
    if (!Files.exists(file)) {
      return;
    }
    // the per-batch log has an epoch column too, so the metrics reader parses it
    for (MetricsTable.Row row : MetricsTable.read(file).rows()) {
      data.addBatch(fold, stage, row.epoch(), row.get("loss"), row.get("lr"));
    }
  }

  private static Optional<Integer> bestEpoch(MetricsTable table, String metric, MonitorMode mode) {
    Integer best = null;
    double bestValue = Double.NaN;
    for (MetricsTable.Row row : table.rows()) {
      double v = row.get(metric);
      if (Double.isNaN(v)) {
        continue;
      }
      if (best == null || (mode == MonitorMode.MAX ? v > bestValue : v < bestValue)) {
        best = row.epoch();
        bestValue = v;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The experiment's config, when it loads; the charts still show without it. */
  private static Optional<ExperimentConfig> config(ExperimentFolder folder) {
    if (!Files.exists(folder.configFile())) {
      return Optional.empty();
    }
    try {
      return new ExperimentLoader().load(folder.configFile()).config();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
