package dev.musket.app.experiments;

import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.FoldStage;
import dev.musket.engine.experiment.MetricsTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the curves of one metric for several experiments from their metrics CSVs (in the
 * background): one series per experiment, fold and stage, or per experiment and stage averaged over
 * the folds that logged each epoch. Stages restart their epochs, so they stay separate series; a
 * stage only appears in the name when the experiment has more than one.
 */
final class ComparisonData {

  private ComparisonData() {}

  static List<ComparisonSeries> read(List<ExperimentRow> rows, String metric, boolean foldMean)
      throws IOException {
    List<ComparisonSeries> out = new ArrayList<>();
    for (ExperimentRow row : rows) {
      Map<FoldStage, MetricsTable> tables = ExperimentFolder.of(row.dir()).readAllMetrics();
      tables.values().removeIf(t -> !t.columns().contains(metric) || t.rows().isEmpty());
      boolean manyStages = tables.keySet().stream().map(FoldStage::stage).distinct().count() > 1;
      if (foldMean) {
        out.addAll(means(row.name(), metric, tables, manyStages));
      } else {
        tables.forEach(
            (fs, table) ->
                out.add(
                    new ComparisonSeries(
                        row.name(),
                        fs.fold(),
                        fs.stage(),
                        name(row.name(), "fold " + fs.fold(), fs.stage(), manyStages),
                        toDoubles(table.epochs()),
                        table.column(metric))));
      }
    }
    return out;
  }

  private static List<ComparisonSeries> means(
      String experiment, String metric, Map<FoldStage, MetricsTable> tables, boolean manyStages) {
    // stage -> epoch -> [sum, count]
    Map<Integer, TreeMap<Integer, double[]>> sums = new TreeMap<>();
    Map<Integer, Integer> folds = new TreeMap<>();
    tables.forEach(
        (fs, table) -> {
          folds.merge(fs.stage(), 1, Integer::sum);
          TreeMap<Integer, double[]> byEpoch =
              sums.computeIfAbsent(fs.stage(), s -> new TreeMap<>());
          for (MetricsTable.Row r : table.rows()) {
            double v = r.get(metric);
            if (!Double.isNaN(v)) {
              double[] acc = byEpoch.computeIfAbsent(r.epoch(), e -> new double[2]);
              acc[0] += v;
              acc[1]++;
            }
          }
        });
    List<ComparisonSeries> out = new ArrayList<>();
    sums.forEach(
        (stage, byEpoch) -> {
          double[] epochs = new double[byEpoch.size()];
          double[] values = new double[byEpoch.size()];
          int i = 0;
          for (Map.Entry<Integer, double[]> e : byEpoch.entrySet()) {
            epochs[i] = e.getKey();
            values[i++] = e.getValue()[0] / e.getValue()[1];
          }
          String folding =
              "mean of " + folds.get(stage) + (folds.get(stage) == 1 ? " fold" : " folds");
          out.add(
              new ComparisonSeries(
                  experiment,
                  -1,
                  stage,
                  name(experiment, folding, stage, manyStages),
                  epochs,
                  values));
        });
    return out;
  }

  private static String name(String experiment, String folding, int stage, boolean manyStages) {
    return experiment + " \u00b7 " + folding + (manyStages ? " \u00b7 stage " + stage : "");
  }

  private static double[] toDoubles(int[] ints) {
    double[] out = new double[ints.length];
    for (int i = 0; i < ints.length; i++) {
      out[i] = ints[i];
    }
    return out;
  }
}
