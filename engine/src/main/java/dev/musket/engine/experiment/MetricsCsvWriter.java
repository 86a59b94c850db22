package dev.musket.engine.experiment;

import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code metrics/metrics-<fold>.<stage>.csv} the way Keras' {@code CSVLogger} did for
 * Musket: a header {@code epoch,<keys sorted>} fixed by the first row, one row per epoch, {@code
 * NA} for a key an epoch lacks, numbers as Python printed them.
 *
 * <p>Why every row rewrites the whole file atomically: a killed run must never leave half a row,
 * and a resumed run must continue a file whose last line is complete. Metrics files hold a few
 * hundred short lines, so rewriting costs nothing next to an epoch. Lines end with {@code \n}.
 */
public final class MetricsCsvWriter {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsCsvWriter.class);

  private final Path file;
  private final StringBuilder content;
  private final String separator;
  private final boolean writeHeader;
  private List<String> keys;

  private MetricsCsvWriter(Path file, List<String> keys, StringBuilder content) {
    this(file, keys, content, ",", true);
  }

  private MetricsCsvWriter(
      Path file, List<String> keys, StringBuilder content, String separator, boolean writeHeader) {
    this.file = file;
    this.keys = keys;
    this.content = content;
    this.separator = separator;
    this.writeHeader = writeHeader;
  }

  /**
   * A log as a config's own {@code CSVLogger} writes it: with {@code append}, rows go after what
   * the file holds and the header is written only into an empty file, as Keras did.
   */
  public static MetricsCsvWriter keras(Path file, String separator, boolean append)
      throws IOException {
    if (!append || !Files.exists(file)) {
      Files.deleteIfExists(file);
      return new MetricsCsvWriter(file, null, new StringBuilder(), separator, true);
    }
    String old = Files.readString(file);
    if (!old.isEmpty() && !old.endsWith("\n")) {
      old += "\n";
    }
    return new MetricsCsvWriter(file, null, new StringBuilder(old), separator, old.isEmpty());
  }

  /** A fresh log for a stage trained from scratch; an old file there is removed now. */
  public static MetricsCsvWriter create(Path file) throws IOException {
    Files.deleteIfExists(file);
    return new MetricsCsvWriter(file, null, new StringBuilder());
  }

  /**
   * Continues the log of a resumed stage (Keras' {@code append=True}): keeps the header and the
   * rows of epochs before {@code nextEpoch}, dropping rows of epochs that will run again (written
   * just before a kill, after the last resume point).
   */
  public static MetricsCsvWriter append(Path file, int nextEpoch) throws IOException {
    MetricsTable existing = MetricsTable.read(file);
    if (existing.columns().isEmpty() && existing.rows().isEmpty()) {
      return new MetricsCsvWriter(file, null, new StringBuilder());
    }
    StringBuilder content = new StringBuilder(headerLine(existing.columns(), ","));
    List<String> lines = Files.readAllLines(file);
    for (String line : lines.subList(1, lines.size())) {
      Integer epoch = MetricsTable.epochOf(line);
      if (epoch != null && epoch < nextEpoch) {
        content.append(line).append('\n');
      }
    }
    MetricsCsvWriter w = new MetricsCsvWriter(file, existing.columns(), content);
    w.flush();
    return w;
  }

  public Path file() {
    return file;
  }

  /** The columns after {@code epoch}; empty until the first row fixes them. */
  public List<String> keys() {
    return keys == null ? List.of() : keys;
  }

  /** Appends one epoch's row and replaces the file atomically. */
  public synchronized void writeRow(int epoch, Map<String, Double> metrics) throws IOException {
    if (keys == null) {
      keys = List.copyOf(new TreeSet<>(metrics.keySet()));
      if (writeHeader) {
        content.append(headerLine(keys, separator));
      }
    } else if (!keys.containsAll(metrics.keySet())) {
      List<String> dropped = new ArrayList<>(metrics.keySet());
      dropped.removeAll(keys);
      LOG.debug("{}: keys {} are not in the header and are not written", file, dropped);
    }
    StringBuilder row = new StringBuilder(Integer.toString(epoch));
    for (String k : keys) {
      Double v = metrics.get(k);
      row.append(separator).append(v == null ? "NA" : PythonFloats.repr(v));
    }
    content.append(row).append('\n');
    flush();
  }

  private void flush() throws IOException {
    AtomicFiles.writeString(file, content.toString());
  }

  private static String headerLine(List<String> keys, String separator) {
    StringBuilder b = new StringBuilder("epoch");
    for (String k : keys) {
      b.append(separator).append(quoteIfNeeded(k));
    }
    return b.append('\n').toString();
  }

  private static String quoteIfNeeded(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
