package dev.musket.app.experiments;

import java.util.Comparator;

/**
 * How the table sorts by a column: numbers as numbers (so {@code 10} comes after {@code 9}), key
 * values as numbers when both are (numbers before words), else as text; status by its lifecycle
 * order. Rows without a value go last in either direction, as analyze puts experiments without the
 * metric last; ties keep name order.
 */
final class RowSorting {

  private RowSorting() {}

  static Comparator<ExperimentRow> by(Column column, boolean ascending) {
    Comparator<ExperimentRow> byValue = (a, b) -> compare(column, a, b, ascending);
    return byValue.thenComparing(ExperimentRow::name);
  }

  private static int compare(Column c, ExperimentRow a, ExperimentRow b, boolean ascending) {
    if (c.kind() == Column.Kind.STATUS) {
      int s = a.status().compareTo(b.status());
      return ascending ? s : -s;
    }
    Double x = c.numeric() ? c.number(a) : parse(c.text(a));
    Double y = c.numeric() ? c.number(b) : parse(c.text(b));
    if (c.numeric() || (x != null && y != null)) {
      return missingLast(x, y, ascending);
    }
    String s = c.text(a);
    String t = c.text(b);
    if (s.isEmpty() || t.isEmpty()) {
      return Boolean.compare(s.isEmpty(), t.isEmpty());
    }
    if (x != null || y != null) {
      return x != null ? -1 : 1; // numbers before words, so the order stays total
    }
    int r = String.CASE_INSENSITIVE_ORDER.compare(s, t);
    return ascending ? r : -r;
  }

  private static int missingLast(Double x, Double y, boolean ascending) {
    boolean nx = x == null || x.isNaN();
    boolean ny = y == null || y.isNaN();
    if (nx || ny) {
      return Boolean.compare(nx, ny);
    }
    int r = Double.compare(x, y);
    return ascending ? r : -r;
  }

  private static Double parse(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Double.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
