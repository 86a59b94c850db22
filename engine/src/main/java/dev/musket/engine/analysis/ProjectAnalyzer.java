package dev.musket.engine.analysis;

import dev.musket.engine.config.ConfigDocument;
import dev.musket.engine.config.ConfigLoader;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.FoldStage;
import dev.musket.engine.experiment.MetricsTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Musket's {@code analyze}: every experiment of a project that has metrics, its config (merged with
 * common.yaml) flattened and diffed against the others so that only the keys that differ show, and
 * each metric averaged over folds of each fold's best.
 */
public final class ProjectAnalyzer {

  private final ConfigLoader loader = new ConfigLoader();

  public AnalysisReport analyze(Path project) throws IOException {
    Path experiments = project.resolve("experiments");
    List<Path> configs = new ArrayList<>();
    if (Files.isDirectory(experiments)) {
      try (Stream<Path> files = Files.walk(experiments)) {
        files
            .filter(p -> p.getFileName().toString().equals("config.yaml"))
            .sorted()
            .forEach(configs::add);
      }
    }
    ConfigDocument common =
        Files.isRegularFile(project.resolve("common.yaml"))
            ? loader.read(project.resolve("common.yaml"))
            : null;

    Map<String, Map<String, String>> flattened = new LinkedHashMap<>();
    Map<String, FoldBestMetrics.Result> results = new LinkedHashMap<>();
    for (Path config : configs) {
      Map<FoldStage, MetricsTable> tables = new ExperimentFolder(config).readAllMetrics();
      boolean hasRows = tables.values().stream().anyMatch(t -> !t.rows().isEmpty());
      if (!hasRows) {
        continue; // Musket lists only experiments with results
      }
      String path = experiments.relativize(config.getParent()).toString();
      ConfigDocument doc = loader.read(config);
      if (common != null) {
        doc = ConfigLoader.mergeCommon(doc, common);
      }
      flattened.put(path, doc.root() == null ? Map.of() : ConfigFlattener.flatten(doc.root()));
      results.put(path, FoldBestMetrics.of(tables));
    }

    List<String> keys = differingKeys(flattened.values());
    Set<String> train = new TreeSet<>();
    Set<String> validation = new TreeSet<>();
    results
        .values()
        .forEach(
            r ->
                r.means()
                    .keySet()
                    .forEach(m -> (m.startsWith("val_") ? validation : train).add(m)));
    List<String> metricColumns = new ArrayList<>(train);
    metricColumns.addAll(validation);

    List<AnalysisReport.Row> rows = new ArrayList<>();
    flattened.forEach(
        (path, flat) -> {
          Map<String, String> shown = new LinkedHashMap<>();
          keys.forEach(k -> shown.put(k, flat.getOrDefault(k, "")));
          FoldBestMetrics.Result r = results.get(path);
          rows.add(new AnalysisReport.Row(path, r.foldCount(), shown, r.means()));
        });
    return new AnalysisReport(keys, metricColumns, rows);
  }

  /** Keys whose value is not the same in every config (absent counts as a value of its own). */
  static List<String> differingKeys(java.util.Collection<Map<String, String>> configs) {
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
