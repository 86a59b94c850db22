package dev.musket.engine.experiment;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metrics of one stage, or of all stages together ({@code allStages}), in {@code summary.yaml}:
 * each metric's spread over the folds' validation sets, and each metric's value on the holdout
 * (written as {@code <metric>_holdout}).
 */
public record MetricsSummary(Map<String, MetricStats> folds, Map<String, Double> holdout) {

  public static final String HOLDOUT_SUFFIX = "_holdout";

  public MetricsSummary {
    folds = Collections.unmodifiableMap(new TreeMap<>(folds));
    holdout = Collections.unmodifiableMap(new TreeMap<>(holdout));
  }

  /**
   * The summary of per-fold values: each metric's list of one value per fold becomes its spread;
   * {@code holdout} holds the values on the holdout set, by metric name without the suffix.
   */
  public static MetricsSummary fromFoldValues(
      Map<String, ? extends java.util.Collection<Double>> perFold, Map<String, Double> holdout) {
    Map<String, MetricStats> stats = new TreeMap<>();
    perFold.forEach((k, v) -> stats.put(k, MetricStats.of(v)));
    return new MetricsSummary(stats, holdout);
  }

  Map<String, Object> toYaml() {
    Map<String, Object> m = new TreeMap<>();
    folds.forEach((k, v) -> m.put(k, v.toYaml()));
    holdout.forEach((k, v) -> m.put(k + HOLDOUT_SUFFIX, v));
    return m;
  }

  static MetricsSummary fromYaml(Map<?, ?> yaml) {
    Map<String, MetricStats> folds = new TreeMap<>();
    Map<String, Double> holdout = new TreeMap<>();
    for (Map.Entry<?, ?> e : yaml.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object value = e.getValue();
      if (value instanceof Map<?, ?> m && MetricStats.looksLikeStats(m)) {
        folds.put(key, MetricStats.fromYaml(m));
      } else if (value instanceof Number n && key.endsWith(HOLDOUT_SUFFIX)) {
        holdout.put(key.substring(0, key.length() - HOLDOUT_SUFFIX.length()), n.doubleValue());
      }
    }
    return new MetricsSummary(folds, holdout);
  }
}
