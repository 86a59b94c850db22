package dev.musket.engine.analysis;

import dev.musket.engine.train.metric.MetricMode;
import dev.musket.engine.train.metric.MetricNames;
import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The analyze report: one row per experiment with results, columns {@code path}, {@code
 * fold_count}, the config keys that differ between experiments, then the metrics (training metrics
 * sorted, then validation ones sorted). Unlike Musket's, {@link #sortedBy} really sorts.
 */
public record AnalysisReport(List<String> keyColumns, List<String> metricColumns, List<Row> rows) {

  /** One experiment: its path relative to {@code experiments/}, its differing keys and metrics. */
  public record Row(
      String path, int foldCount, Map<String, String> keys, Map<String, Double> metrics) {}

  public AnalysisReport {
    keyColumns = List.copyOf(keyColumns);
    metricColumns = List.copyOf(metricColumns);
    rows = List.copyOf(rows);
  }

  public List<String> header() {
    List<String> h = new ArrayList<>(List.of("path", "fold_count"));
    h.addAll(keyColumns);
    h.addAll(metricColumns);
    return h;
  }

  /** Best first by {@code metric} (smallest first for losses and errors); rows without it last. */
  public AnalysisReport sortedBy(String metric) {
    MetricMode mode = MetricNames.mode(metric, "auto");
    Comparator<Row> byMetric =
        Comparator.comparing(
            (Row r) -> r.metrics().getOrDefault(metric, Double.NaN),
            (a, b) -> {
              if (Double.isNaN(a) || Double.isNaN(b)) {
                return Boolean.compare(Double.isNaN(a), Double.isNaN(b));
              }
              return mode == MetricMode.MIN ? Double.compare(a, b) : Double.compare(b, a);
            });
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(byMetric.thenComparing(Row::path));
    return new AnalysisReport(keyColumns, metricColumns, sorted);
  }

  /** Only the metric columns named (Musket's {@code --onlyMetric}). */
  public AnalysisReport onlyMetric(String metric) {
    return new AnalysisReport(
        keyColumns, metricColumns.contains(metric) ? List.of(metric) : List.of(), rows);
  }

  public List<List<String>> cells() {
    List<List<String>> out = new ArrayList<>();
    for (Row r : rows) {
      List<String> cells = new ArrayList<>(List.of(r.path(), Integer.toString(r.foldCount())));
      keyColumns.forEach(k -> cells.add(r.keys().getOrDefault(k, "")));
      metricColumns.forEach(m -> cells.add(format(r.metrics().get(m))));
      out.add(cells);
    }
    return out;
  }

  /** Writes the report as CSV, atomically. */
  public void writeCsv(Path file) throws IOException {
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", header().stream().map(AnalysisReport::quote).toList()))
        .append('\n');
    for (List<String> row : cells()) {
      csv.append(String.join(",", row.stream().map(AnalysisReport::quote).toList())).append('\n');
    }
    AtomicFiles.writeString(file, csv.toString());
  }

  /** A fixed-width table for the terminal. */
  public String toTable() {
    List<String> header = header();
    List<List<String>> cells = cells();
    int[] widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : cells) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendLine(out, header, widths);
    for (List<String> row : cells) {
      appendLine(out, row, widths);
    }
    return out.toString();
  }

  private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      out.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
    }
    out.append('\n');
  }

  private static String format(Double v) {
    return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", v);
  }

  private static String quote(String cell) {
    return cell.contains(",") || cell.contains("\"") || cell.contains("\n")
        ? "\"" + cell.replace("\"", "\"\"") + "\""
        : cell;
  }
}
