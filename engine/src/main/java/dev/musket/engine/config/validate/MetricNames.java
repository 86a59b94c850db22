package dev.musket.engine.config.validate;

import dev.musket.engine.config.schema.Schema;

/**
 * Musket's metric naming: {@code val_} means "on validation data", a {@code _holdout} suffix "on
 * the holdout after training"; the rest is a metric or loss name, possibly prefixed by an output's
 * name in multi-output networks.
 */
final class MetricNames {

  private MetricNames() {}

  /** {@code val_macro_f1_holdout -> macro_f1}. */
  static String base(String name) {
    String n = name;
    if (n.startsWith("val_")) {
      n = n.substring(4);
    }
    if (n.endsWith("_holdout")) {
      n = n.substring(0, n.length() - "_holdout".length());
    }
    return n;
  }

  /** Puts the prefix and suffix of {@code original} around {@code base}. */
  static String rebuild(String original, String base) {
    return (original.startsWith("val_") ? "val_" : "")
        + base
        + (original.endsWith("_holdout") ? "_holdout" : "");
  }

  /**
   * A metric or loss the project's code defines, also per output ({@code output_1_my_metric}):
   * every loss is a metric too.
   */
  static boolean isProjects(String base, ProjectNames project) {
    String name = base.replaceFirst("^output_\\d+_", "");
    return project.defines(ProjectNames.Kind.METRIC, name)
        || project.defines(ProjectNames.Kind.LOSS, name);
  }

  /** A metric, the loss, or a per-output metric such as {@code output_1_categorical_accuracy}. */
  static boolean isKnown(String base, Schema schema) {
    if (schema.metrics().contains(base) || schema.losses().contains(base)) {
      return true;
    }
    for (String m : schema.metrics().names()) {
      if (base.endsWith("_" + m)) {
        return true;
      }
    }
    return false;
  }
}
