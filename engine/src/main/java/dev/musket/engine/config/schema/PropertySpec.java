package dev.musket.engine.config.schema;

import java.util.List;

/**
 * One property of the schema (a root or stage key, or a component parameter): its type, default,
 * bounds, allowed values and documentation. Read from the schema files; never built by hand.
 *
 * @param defaultValue a plain Java value (Long, Double, Boolean, String, List) or {@code null} when
 *     there is no default
 */
public record PropertySpec(
    String name,
    ValueType type,
    Object defaultValue,
    boolean required,
    boolean nullable,
    Double min,
    Double max,
    Double exclusiveMin,
    Double exclusiveMax,
    List<String> values,
    boolean ignoreCase,
    List<String> aliases,
    Integer length,
    String doc) {

  public PropertySpec {
    values = values == null ? List.of() : List.copyOf(values);
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    doc = doc == null ? "" : doc.strip();
  }

  public boolean hasDefault() {
    return defaultValue != null;
  }

  /** "between 0 and 1", "at least 1", "greater than 0"... or empty when unbounded. */
  public String describeBounds() {
    StringBuilder b = new StringBuilder();
    if (min != null) {
      b.append("at least ").append(format(min));
    } else if (exclusiveMin != null) {
      b.append("greater than ").append(format(exclusiveMin));
    }
    if (max != null || exclusiveMax != null) {
      if (b.length() > 0) {
        b.append(" and ");
      }
      b.append(max != null ? "at most " + format(max) : "less than " + format(exclusiveMax));
    }
    return b.toString();
  }

  static String format(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
