package dev.musket.engine.experiment;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * A metric's spread over folds as {@code summary.yaml} stores it: {@code {max, mean, min, std}},
 * with numpy's population standard deviation ({@code ddof=0}), as Musket's {@code stat()}.
 */
public record MetricStats(double mean, double max, double min, double std) {

  public static MetricStats of(Collection<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("statistics of no values");
    }
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (double v : values) {
      sum += v;
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    double mean = sum / values.size();
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return new MetricStats(mean, max, min, Math.sqrt(squares / values.size()));
  }

  public static MetricStats of(double... values) {
    return of(java.util.Arrays.stream(values).boxed().toList());
  }

  /** As written to YAML, keys sorted like PyYAML's dump. */
  Map<String, Object> toYaml() {
    Map<String, Object> m = new TreeMap<>();
    m.put("max", max);
    m.put("mean", mean);
    m.put("min", min);
    m.put("std", std);
    return m;
  }

  static boolean looksLikeStats(Map<?, ?> m) {
    return m.size() == 4
        && m.containsKey("mean")
        && m.containsKey("max")
        && m.containsKey("min")
        && m.containsKey("std");
  }

  static MetricStats fromYaml(Map<?, ?> m) {
    return new MetricStats(
        ((Number) m.get("mean")).doubleValue(),
        ((Number) m.get("max")).doubleValue(),
        ((Number) m.get("min")).doubleValue(),
        ((Number) m.get("std")).doubleValue());
  }
}
