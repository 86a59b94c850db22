package dev.musket.app.experiments;

import java.util.Locale;

/**
 * A column of the experiments table: a fixed one (name, status, score, folds), a flattened config
 * key, or a metric. Knows how to show a row's cell and its number for sorting, so the table, the
 * filter and the sort agree on what a cell is.
 */
public record Column(Kind kind, String key) {

  public enum Kind {
    NAME,
    STATUS,
    SCORE,
    FOLDS,
    KEY,
    METRIC
  }

  public static final Column NAME = new Column(Kind.NAME, "path");
  public static final Column STATUS = new Column(Kind.STATUS, "status");
  public static final Column SCORE = new Column(Kind.SCORE, "score");
  public static final Column FOLDS = new Column(Kind.FOLDS, "fold_count");

  public static Column key(String key) {
    return new Column(Kind.KEY, key);
  }

  public static Column metric(String metric) {
    return new Column(Kind.METRIC, metric);
  }

  /** The header text: the key or metric name as in analyze's CSV. */
  public String title() {
    return key;
  }

  /** Score, fold count and metrics sort as numbers; the others as text. */
  public boolean numeric() {
    return kind == Kind.SCORE || kind == Kind.FOLDS || kind == Kind.METRIC;
  }

  /** The cell's text; empty when the row has no value. */
  public String text(ExperimentRow row) {
    return switch (kind) {
      case NAME -> row.name();
      case STATUS -> row.status().label();
      case SCORE -> format(row.score());
      case FOLDS -> row.foldCount() == 0 ? "" : Integer.toString(row.foldCount());
      case KEY -> row.config().getOrDefault(key, "");
      case METRIC -> format(row.metrics().get(key));
    };
  }

  /** The cell's number for sorting, or null when it has none. */
  public Double number(ExperimentRow row) {
    return switch (kind) {
      case SCORE -> row.score();
      case FOLDS -> row.foldCount() == 0 ? null : (double) row.foldCount();
      case METRIC -> row.metrics().get(key);
      default -> null;
    };
  }

  /** Six significant digits, as analyze's report writes them. */
  static String format(Double v) {
    return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", v);
  }
}
