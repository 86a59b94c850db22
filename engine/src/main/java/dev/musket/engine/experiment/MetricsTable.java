package dev.musket.engine.experiment;

import dev.musket.engine.data.CsvTable;
import dev.musket.engine.train.callbacks.MonitorMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A metrics CSV read back: for resuming (the next epoch, the lowest learning rate used, the best
 * primary metric) and for the workbench's charts of finished experiments.
 *
 * <p>It reads files Musket wrote too: {@code NA}, {@code nan} and empty cells become NaN, CRLF line
 * ends are accepted, and a line that cannot be parsed (a Musket run killed mid-write) is skipped
 * with a warning rather than failing the whole experiment.
 *
 * @param columns the columns after {@code epoch}, in file order
 */
public record MetricsTable(List<String> columns, List<Row> rows) {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsTable.class);

  /** One epoch's row; missing values are NaN. */
  public record Row(int epoch, Map<String, Double> values) {
    public Row {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double get(String column) {
      Double v = values.get(column);
      return v == null ? Double.NaN : v;
    }
  }

  public MetricsTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** The table in {@code file}; empty when the file does not exist or is empty. */
  public static MetricsTable read(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return new MetricsTable(List.of(), List.of());
    }
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      return new MetricsTable(List.of(), List.of());
    }
    List<String> header = split(lines.get(0));
    int epochColumn = header.indexOf("epoch");
    if (epochColumn < 0) {
      throw new IOException(file + " is not a metrics CSV: its header has no 'epoch' column");
    }
    List<String> columns = new ArrayList<>(header);
    columns.remove(epochColumn);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = split(line);
      if (cells.size() != header.size()) {
        LOG.warn(
            "{}:{}: {} cells where the header has {}; skipped",
            file,
            i + 1,
            cells.size(),
            header.size());
        continue;
      }
      Integer epoch = parseEpoch(cells.get(epochColumn));
      if (epoch == null) {
        LOG.warn("{}:{}: epoch '{}' is not a number; skipped", file, i + 1, cells.get(epochColumn));
        continue;
      }
      Map<String, Double> values = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        if (c != epochColumn) {
          values.put(header.get(c), parseValue(cells.get(c)));
        }
      }
      rows.add(new Row(epoch, values));
    }
    return new MetricsTable(columns, rows);
  }

  /**
   * The epoch to continue from, as Musket's {@code maxEpoch}: one past the highest epoch logged, or
   * 0 when none was.
   */
  public int nextEpoch() {
    int max = -1;
    for (Row r : rows) {
      max = Math.max(max, r.epoch());
    }
    return max + 1;
  }

  /** The lowest learning rate logged, which Musket restores on resume. */
  public OptionalDouble minLearningRate() {
    return extreme("lr", MonitorMode.MIN);
  }

  /** The best value of {@code metric} in the log, ignoring NaN. */
  public OptionalDouble best(String metric, MonitorMode mode) {
    return extreme(metric, mode);
  }

  /** One column by epoch, NaN where missing; for charts. */
  public double[] column(String name) {
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i).get(name);
    }
    return out;
  }

  public int[] epochs() {
    return rows.stream().mapToInt(Row::epoch).toArray();
  }

  private OptionalDouble extreme(String column, MonitorMode mode) {
    OptionalDouble best = OptionalDouble.empty();
    for (Row r : rows) {
      double v = r.get(column);
      if (Double.isNaN(v)) {
        continue;
      }
      if (best.isEmpty()
          || (mode == MonitorMode.MIN ? v < best.getAsDouble() : v > best.getAsDouble())) {
        best = OptionalDouble.of(v);
      }
    }
    return best;
  }

  /** The epoch at the start of a data line, or {@code null}. */
  static Integer epochOf(String line) {
    int comma = line.indexOf(',');
    return parseEpoch(comma < 0 ? line : line.substring(0, comma));
  }

  private static Integer parseEpoch(String cell) {
    try {
      return Integer.valueOf(cell.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static double parseValue(String cell) {
    String s = cell.strip();
    if (s.isEmpty() || s.equals("NA")) {
      return Double.NaN;
    }
    if (s.startsWith("[") || s.startsWith("\"[")) {
      return Double.NaN; // Keras wrote iterables as "[a, b]"; not a scalar metric
    }
    switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Splits one CSV line, honouring double quotes. */
  private static List<String> split(String line) {
    List<List<String>> rows = CsvTable.parse(line);
    return rows.isEmpty() ? List.of("") : rows.get(0);
  }
}
