package dev.musket.engine.config.schema;

import java.util.Locale;

/**
 * The kinds of value a property or a component parameter may take. Each constant's schema name is
 * its camelCase spelling in the schema files ({@code intOrList}, {@code metricList}...).
 */
public enum ValueType {
  INT("an integer"),
  NUMBER("a number"),
  BOOL("true or false"),
  STRING("a string"),
  ENUM("one of the listed values"),
  INT_LIST("a list of integers"),
  NUMBER_LIST("a list of numbers"),
  STRING_LIST("a list of strings"),
  STRING_OR_LIST("a string or a list of strings"),
  INT_OR_LIST("an integer or a list of integers"),
  ARCHITECTURE("an architecture name"),
  OPTIMIZER("an optimizer name"),
  ACTIVATION("an activation name, or a list of them"),
  LOSS("a loss name or expression, or a list of them"),
  METRIC("a metric name"),
  METRIC_LIST("a metric name or a list of metric names"),
  FINAL_METRICS("a list of final-metric names"),
  AUGMENTERS("augmenters: a map of `Name: arguments`, or a list of one-entry maps"),
  CALLBACKS("callbacks: a map of `Name: arguments`"),
  STAGES("a list of stages"),
  DATASET("a dataset as `{factory: arguments}`"),
  DATASETS("named datasets as `{name: {factory: arguments}}`"),
  DATASET_REFERENCE("a name from `datasets:`, or a dataset as `{factory: arguments}`"),
  NEGATIVES("none, real, all, or a number"),
  PROBABILITY("a probability between 0 and 1"),
  RANGE("a number or a [min, max] range"),
  INT_RANGE("an integer or a [min, max] range of integers"),
  CHOICE("a number, a [min, max] range, or a list of numbers to choose from"),
  XY("a number, a [min, max] range, or {x: range, y: range}"),
  PER_CHANNEL("true, false, or a probability"),
  PATH("a path"),
  MONITOR("a metric name"),
  ANY("any value");

  private final String description;

  ValueType(String description) {
    this.description = description;
  }

  /** What a value of this type looks like, for messages: "expected an integer, got ...". */
  public String description() {
    return description;
  }

  /** The spelling used in the schema files: {@code INT_OR_LIST -> intOrList}. */
  public String schemaName() {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  public static ValueType fromSchemaName(String name) {
    for (ValueType t : values()) {
      if (t.schemaName().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown schema type '" + name + "'");
  }

  /** Types whose value is a [min, max] pair when written as a two-number list. */
  public boolean takesRange() {
    return this == RANGE || this == INT_RANGE || this == CHOICE || this == XY;
  }
}
