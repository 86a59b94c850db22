package dev.musket.engine.analysis;

import dev.musket.engine.config.ConfigDocument;
import dev.musket.engine.config.ConfigLoader;
import dev.musket.engine.experiment.FoldStage;
import dev.musket.engine.experiment.MetricsTable;
import dev.musket.engine.experiment.ProjectExperiments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Musket's {@code analyze}: every experiment of a project that has metrics, its config (merged with
 * common.yaml) flattened and diffed against the others so that only the keys that differ show, and
 * each metric averaged over folds of each fold's best.
 *
 * <p>Experiments are found as {@link ProjectExperiments} finds them (the explorer's list), so the
 * config copies in {@code .history} snapshots and output folders are not reported as experiments of
 * their own; Musket's recursive glob for {@code config.yaml} listed them.
 */
public final class ProjectAnalyzer {

  private final ConfigLoader loader = new ConfigLoader();

  /** The report of {@code musket analyze}: only experiments with results, in name order. */
  public AnalysisReport analyze(Path project) throws IOException {
    return report(experiments(project).stream().filter(ExperimentAnalysis::hasResults).toList());
  }

  /** Every experiment of the project, with results or not, in name order. */
  public List<ExperimentAnalysis> experiments(Path project) throws IOException {
    Path common = project.resolve("common.yaml");
    ConfigDocument commonDoc = Files.isRegularFile(common) ? loader.read(common) : null;
    List<ExperimentAnalysis> out = new ArrayList<>();
    for (ProjectExperiments.Entry entry : ProjectExperiments.find(project)) {
      Map<FoldStage, MetricsTable> tables = entry.folder().readAllMetrics();
      boolean hasRows = tables.values().stream().anyMatch(t -> !t.rows().isEmpty());
      ConfigDocument doc = loader.read(entry.folder().configFile());
      if (commonDoc != null) {
        doc = ConfigLoader.mergeCommon(doc, commonDoc);
      }
      boolean readable = doc.root() != null;
      FoldBestMetrics.Result r = FoldBestMetrics.of(tables);
      out.add(
          new ExperimentAnalysis(
              entry.name(),
              entry.folder(),
              doc.text(),
              readable,
              readable ? ConfigFlattener.flatten(doc.root()) : Map.of(),
              r.foldCount(),
              r.means(),
              hasRows));
    }
    return out;
  }

  /** The report over {@code experiments}: their differing keys and their metrics. */
  public static AnalysisReport report(List<ExperimentAnalysis> experiments) {
    List<String> keys =
        differingKeys(
            experiments.stream()
                .filter(ExperimentAnalysis::configReadable)
                .map(ExperimentAnalysis::flatConfig)
                .toList());
    Set<String> train = new TreeSet<>();
    Set<String> validation = new TreeSet<>();
    experiments.forEach(
        e -> e.metrics().keySet().forEach(m -> (m.startsWith("val_") ? validation : train).add(m)));
    List<String> metricColumns = new ArrayList<>(train);
    metricColumns.addAll(validation);

    List<AnalysisReport.Row> rows = new ArrayList<>();
    for (ExperimentAnalysis e : experiments) {
      Map<String, String> shown = new LinkedHashMap<>();
      keys.forEach(k -> shown.put(k, e.flatConfig().getOrDefault(k, "")));
      rows.add(new AnalysisReport.Row(e.path(), e.foldCount(), shown, e.metrics()));
    }
    return new AnalysisReport(keys, metricColumns, rows);
  }

  /**
   * Keys whose value is not the same in every config (absent counts as a value of its own), in the
   * order they are first met.
   */
  public static List<String> differingKeys(Collection<Map<String, String>> configs) {
    Set<String> all = new LinkedHashSet<>();
    configs.forEach(c -> all.addAll(c.keySet()));
    List<String> out = new ArrayList<>();
    for (String key : all) {
      Set<String> values = new LinkedHashSet<>();
      configs.forEach(c -> values.add(c.getOrDefault(key, "\u0000absent")));
      if (values.size() > 1) {
        out.add(key);
      }
    }
    return out;
  }
}
