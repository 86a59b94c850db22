package dev.musket.engine.analysis;

import dev.musket.engine.experiment.FoldStage;
import dev.musket.engine.experiment.MetricsTable;
import dev.musket.engine.train.metric.MetricMode;
import dev.musket.engine.train.metric.MetricNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Musket's aggregate of an experiment's metrics: for each metric, each fold's best value over all
 * its stages and epochs (the minimum for losses and errors, the maximum otherwise), averaged over
 * the folds. {@code lr} and {@code fold} are not metrics and are left out.
 */
final class FoldBestMetrics {

  private FoldBestMetrics() {}

  record Result(int foldCount, Map<String, Double> means) {}

  static Result of(Map<FoldStage, MetricsTable> tables) {
    Map<Integer, Map<String, Double>> bestPerFold = new TreeMap<>();
    TreeSet<String> metrics = new TreeSet<>();
    tables.forEach(
        (foldStage, table) -> {
          Map<String, Double> best =
              bestPerFold.computeIfAbsent(foldStage.fold(), f -> new LinkedHashMap<>());
          for (MetricsTable.Row row : table.rows()) {
            row.values()
                .forEach(
                    (metric, value) -> {
                      if (metric.equals("lr") || metric.equals("fold") || Double.isNaN(value)) {
                        return;
                      }
                      metrics.add(metric);
                      MetricMode mode = MetricNames.mode(metric, "auto");
                      Double current = best.get(metric);
                      if (current == null || mode.isBetter(value, current)) {
                        best.put(metric, value);
                      }
                    });
          }
        });
    Map<String, Double> means = new LinkedHashMap<>();
    for (String metric : metrics) {
      double sum = 0;
      int n = 0;
      for (Map<String, Double> best : bestPerFold.values()) {
        Double v = best.get(metric);
        if (v != null) {
          sum += v;
          n++;
        }
      }
      means.put(metric, n == 0 ? Double.NaN : sum / n);
    }
    return new Result(bestPerFold.size(), means);
  }
}
