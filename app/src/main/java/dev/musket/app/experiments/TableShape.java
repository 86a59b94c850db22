package dev.musket.app.experiments;

import dev.musket.engine.analysis.ProjectAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pure rules behind the table's shape: which columns (analyze's order: path, then the fixed
 * workbench columns, the config keys, training metrics sorted, validation metrics sorted) and which
 * rows a filter keeps.
 */
final class TableShape {

  private TableShape() {}

  /**
   * @param onlyDiffering only the keys whose value differs (decided over readable configs, as
   *     analyze does), else every flattened key in the order first met
   * @param onlyMetric one metric column (analyze's {@code --onlyMetric}), or null for all
   */
  static List<Column> columns(
      List<ExperimentRow> rows, boolean onlyDiffering, String onlyMetric, List<String> metrics) {
    List<Column> cols =
        new ArrayList<>(List.of(Column.NAME, Column.STATUS, Column.SCORE, Column.FOLDS));
    List<Map<String, String>> configs =
        rows.stream().filter(ExperimentRow::configReadable).map(ExperimentRow::config).toList();
    if (onlyDiffering) {
      ProjectAnalyzer.differingKeys(configs).forEach(k -> cols.add(Column.key(k)));
    } else {
      Set<String> every = new LinkedHashSet<>();
      configs.forEach(c -> every.addAll(c.keySet()));
      every.forEach(k -> cols.add(Column.key(k)));
    }
    (onlyMetric != null ? List.of(onlyMetric) : metrics).forEach(m -> cols.add(Column.metric(m)));
    return cols;
  }

  /** Training metrics sorted, then validation ones sorted: analyze's column order. */
  static List<String> metricNames(List<ExperimentRow> rows) {
    Set<String> train = new TreeSet<>();
    Set<String> validation = new TreeSet<>();
    rows.forEach(
        r -> r.metrics().keySet().forEach(m -> (m.startsWith("val_") ? validation : train).add(m)));
    List<String> out = new ArrayList<>(train);
    out.addAll(validation);
    return out;
  }

  /**
   * The rows where every word of {@code filter} (case-insensitive) appears in some shown cell: what
   * is filtered is what is seen.
   */
  static List<ExperimentRow> filter(List<ExperimentRow> rows, List<Column> shown, String filter) {
    String f = filter == null ? "" : lower(filter).strip();
    List<String> words = f.isEmpty() ? List.of() : List.of(f.split("\\s+"));
    List<ExperimentRow> out = new ArrayList<>();
    for (ExperimentRow r : rows) {
      if (words.stream()
          .allMatch(w -> shown.stream().anyMatch(c -> lower(c.text(r)).contains(w)))) {
        out.add(r);
      }
    }
    return out;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
