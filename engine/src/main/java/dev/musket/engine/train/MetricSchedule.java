package dev.musket.engine.train;

import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.FinalMetric;
import dev.musket.engine.config.StageConfig;
import dev.musket.engine.train.metric.MetricNames;
import dev.musket.engine.train.metric.MetricScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which metrics are computed when, by Musket's rules ({@code createSummary} and its final-metric
 * callback):
 *
 * <ul>
 *   <li>every epoch, on training batches and on validation ({@code val_}): the config's {@code
 *       metrics}, as Keras computes them;
 *   <li>every epoch, on validation only: each {@code final_metrics} entry that the primary metric
 *       names (with or without {@code val_}), that a callback monitors, or that is marked {@code
 *       for_validation: true}, computed as the summary computes it, so the checkpoint and
 *       EarlyStopping can watch the same number the summary reports;
 *   <li>after training, in {@code summary.yaml}: the {@code metrics}, then the {@code
 *       final_metrics}, then {@code experiment_result}'s metric when neither lists it.
 * </ul>
 *
 * A final metric that {@code metrics} also lists is logged per epoch as a metric, not twice.
 */
final class MetricSchedule {

  private final ExperimentConfig cfg;
  private final Predicate<String> known;

  /**
   * @param known whether a metric name resolves (the metric registry), for {@code
   *     experiment_result}
   */
  MetricSchedule(ExperimentConfig cfg, Predicate<String> known) {
    this.cfg = cfg;
    this.known = known;
  }

  /** The metrics computed after training, in summary order, without repeats. */
  List<String> summary() {
    Map<String, String> names = new LinkedHashMap<>();
    cfg.training().metrics().forEach(m -> names.putIfAbsent(key(m), m));
    cfg.training().finalMetrics().forEach(m -> names.putIfAbsent(key(m.name()), m.name()));
    String result = cfg.training().experimentResult();
    if (result != null) {
      String base = MetricNames.base(result);
      if (!key(base).equals(MetricNames.LOSS) && known.test(base)) {
        names.putIfAbsent(key(base), base);
      }
    }
    return List.copyOf(names.values());
  }

  /** The final metrics also computed on validation at every epoch's end (logged as val_). */
  List<String> validationEveryEpoch() {
    List<String> metrics = cfg.training().metrics().stream().map(MetricSchedule::key).toList();
    List<String> watched = watched();
    List<String> out = new ArrayList<>();
    for (FinalMetric m : cfg.training().finalMetrics()) {
      String k = key(m.name());
      if (!metrics.contains(k)
          && out.stream().map(MetricSchedule::key).noneMatch(k::equals)
          && (m.forValidation() || watched.contains(k))) {
        out.add(m.name());
      }
    }
    return out;
  }

  /**
   * The name the best checkpoint monitors: {@code primary_metric}, except that a final metric named
   * without {@code val_} is monitored as {@code val_<name>}, the only place it exists during
   * training (Musket's bengali configs write {@code primary_metric: hmar_incorrect}).
   */
  String primaryMonitor() {
    return monitored(cfg.training().primaryMetric());
  }

  /**
   * The name under which a monitored metric exists during training: {@code name} itself, or {@code
   * val_<name>} for a final metric named without {@code val_}. Applies to the primary metric and to
   * every callback's {@code monitor} alike (a callback watching a bare final metric would otherwise
   * never find it, and never act).
   */
  String monitored(String name) {
    boolean bare = MetricNames.scopeOf(name) == MetricScope.TRAINING;
    boolean everyEpochFinal =
        validationEveryEpoch().stream().map(MetricSchedule::key).anyMatch(key(name)::equals);
    return bare && everyEpochFinal ? MetricNames.validation(name) : name;
  }

  /** The bases of the primary metric and of every callback's {@code monitor}, lower case. */
  private List<String> watched() {
    List<String> out = new ArrayList<>();
    out.add(key(MetricNames.base(cfg.training().primaryMetric())));
    List<ComponentSpec> callbacks = new ArrayList<>(cfg.training().callbacks());
    for (StageConfig st : cfg.training().stages()) {
      if (st.callbacks() != null) {
        callbacks.addAll(st.callbacks());
      }
      if (st.extraCallbacks() != null) {
        callbacks.addAll(st.extraCallbacks());
      }
    }
    for (ComponentSpec c : callbacks) {
      c.arg("monitor")
          .filter(n -> n instanceof ConfigNode.Scalar s && s.isString())
          .ifPresent(n -> out.add(key(MetricNames.base(((ConfigNode.Scalar) n).asText()))));
    }
    return out;
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
