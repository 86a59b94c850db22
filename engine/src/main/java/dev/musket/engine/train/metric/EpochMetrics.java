package dev.musket.engine.train.metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The configured metrics of every output head for one scope (training, validation or holdout),
 * accumulated over an epoch: what the trainer updates after each batch and reads into the metrics
 * CSV at the epoch's end, under the names {@link MetricNames} defines.
 */
public final class EpochMetrics {

  private final MetricScope scope;
  private final List<List<Metric>> perOutput;

  private EpochMetrics(MetricScope scope, List<List<Metric>> perOutput) {
    this.scope = scope;
    this.perOutput = perOutput;
  }

  /**
   * The metrics as Keras computes them while training.
   *
   * @param names the config's {@code metrics}, computed for every head
   * @param outputs one context per output head, in head order
   */
  public static EpochMetrics forTraining(
      MetricRegistry registry, List<String> names, List<MetricContext> outputs, MetricScope scope) {
    return build(registry, names, outputs, scope, false);
  }

  /** The metrics as Musket's summaries compute them on stored predictions (holdout, reports). */
  public static EpochMetrics forEvaluation(
      MetricRegistry registry, List<String> names, List<MetricContext> outputs, MetricScope scope) {
    return build(registry, names, outputs, scope, true);
  }

  private static EpochMetrics build(
      MetricRegistry registry,
      List<String> names,
      List<MetricContext> outputs,
      MetricScope scope,
      boolean evaluation) {
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException("a network has at least one output");
    }
    List<List<Metric>> perOutput = new ArrayList<>();
    for (MetricContext context : outputs) {
      List<Metric> metrics = new ArrayList<>();
      for (String name : names) {
        metrics.add(
            evaluation
                ? registry.createForEvaluation(name, context)
                : registry.create(name, context));
      }
      perOutput.add(metrics);
    }
    return new EpochMetrics(scope, perOutput);
  }

  /**
   * These metrics and then {@code more}'s, per head: e.g. the metrics as trained followed by final
   * metrics as evaluated. Both must measure the same heads in the same scope.
   */
  public EpochMetrics followedBy(EpochMetrics more) {
    if (more.scope != scope || more.perOutput.size() != perOutput.size()) {
      throw new IllegalArgumentException(
          "cannot join metrics of "
              + perOutput.size()
              + " heads ("
              + scope
              + ") and "
              + more.perOutput.size()
              + " heads ("
              + more.scope
              + ")");
    }
    List<List<Metric>> joined = new ArrayList<>();
    for (int o = 0; o < perOutput.size(); o++) {
      List<Metric> both = new ArrayList<>(perOutput.get(o));
      both.addAll(more.perOutput.get(o));
      joined.add(both);
    }
    return new EpochMetrics(scope, joined);
  }

  public int outputCount() {
    return perOutput.size();
  }

  /** Adds one batch of head {@code output}'s activated predictions and targets. */
  public void update(int output, INDArray predictions, INDArray targets) {
    for (Metric m : perOutput.get(output)) {
      m.update(predictions, targets);
    }
  }

  public void update(int output, float[][] predictions, float[][] targets) {
    for (Metric m : perOutput.get(output)) {
      m.update(predictions, targets);
    }
  }

  /** Every metric's value under its full name, heads in order, metrics in config order. */
  public Map<String, Double> values() {
    Map<String, Double> values = new LinkedHashMap<>();
    int count = perOutput.size();
    for (int output = 0; output < count; output++) {
      for (Metric m : perOutput.get(output)) {
        values.put(MetricNames.qualified(m.name(), output, count, scope), m.value());
      }
    }
    return values;
  }

  /** Clears every metric for the next epoch. */
  public void reset() {
    for (List<Metric> metrics : perOutput) {
      metrics.forEach(Metric::reset);
    }
  }
}
