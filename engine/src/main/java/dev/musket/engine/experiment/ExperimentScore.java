package dev.musket.engine.experiment;

import java.util.OptionalDouble;

/**
 * The single number that ranks an experiment in the workbench's table and in hyperparameter search,
 * by Musket's rule ({@code Experiment.result}):
 *
 * <ol>
 *   <li>{@code allStages[experiment_result]} when the config sets it (its mean if it is a spread);
 *   <li>else the primary metric without {@code val_}, on the holdout ({@code <m>_holdout}) when
 *       there is one;
 *   <li>else that metric's mean over folds.
 * </ol>
 */
public final class ExperimentScore {

  private ExperimentScore() {}

  public static OptionalDouble of(
      ExperimentSummary summary, String primaryMetric, String experimentResult) {
    MetricsSummary all = summary.allStages();
    if (experimentResult != null) {
      OptionalDouble r = valueOf(all, experimentResult);
      if (r.isPresent()) {
        return r;
      }
    }
    String pm = primaryMetric.startsWith("val_") ? primaryMetric.substring(4) : primaryMetric;
    Double holdout = all.holdout().get(pm);
    if (holdout != null) {
      return OptionalDouble.of(holdout);
    }
    MetricStats stats = all.folds().get(pm);
    return stats == null ? OptionalDouble.empty() : OptionalDouble.of(stats.mean());
  }

  private static OptionalDouble valueOf(MetricsSummary all, String key) {
    if (all.folds().containsKey(key)) {
      return OptionalDouble.of(all.folds().get(key).mean());
    }
    if (key.endsWith(MetricsSummary.HOLDOUT_SUFFIX)) {
      Double v =
          all.holdout()
              .get(key.substring(0, key.length() - MetricsSummary.HOLDOUT_SUFFIX.length()));
      if (v != null) {
        return OptionalDouble.of(v);
      }
    }
    return OptionalDouble.empty();
  }
}
