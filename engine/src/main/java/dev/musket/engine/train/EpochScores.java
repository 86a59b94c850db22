package dev.musket.engine.train;

import dev.musket.engine.train.metric.EpochMetrics;
import dev.musket.engine.train.metric.MetricNames;
import dev.musket.engine.train.metric.MetricScope;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * One scope's numbers over an epoch (or over a prediction set): the configured metrics of every
 * head and every head's loss, under Musket's names ({@code loss}, {@code output_1_loss}, {@code
 * val_binary_accuracy}...).
 *
 * <p>Losses are evaluated on the activated predictions (identity activation), as Keras computes
 * them, so a validation loss needs only the network's outputs.
 */
final class EpochScores {

  private static final ActivationIdentity IDENTITY = new ActivationIdentity();

  private final EpochMetrics metrics;
  private final List<ILossFunction> losses;
  private final MetricScope scope;
  private final double[] lossSums;
  private long examples;

  EpochScores(EpochMetrics metrics, List<ILossFunction> losses, MetricScope scope) {
    if (metrics.outputCount() != losses.size()) {
      throw new IllegalArgumentException(
          metrics.outputCount() + " heads but " + losses.size() + " losses");
    }
    this.metrics = metrics;
    this.losses = List.copyOf(losses);
    this.scope = scope;
    this.lossSums = new double[losses.size()];
  }

  /** Adds one batch: activated predictions and targets, one array per head. */
  void update(INDArray[] predictions, INDArray[] targets) {
    for (int o = 0; o < predictions.length; o++) {
      INDArray y = targets[o].castTo(predictions[o].dataType());
      metrics.update(o, predictions[o], y);
      lossSums[o] += losses.get(o).computeScore(y, predictions[o].dup(), IDENTITY, null, false);
    }
    examples += predictions[0].size(0);
  }

  boolean isEmpty() {
    return examples == 0;
  }

  /**
   * The metrics and head losses; with {@code withTotal} also the total loss (the sum of the heads'
   * losses, Keras' {@code loss} with unit loss weights).
   */
  Map<String, Double> values(boolean withTotal) {
    Map<String, Double> values = metrics.values();
    int heads = losses.size();
    double total = 0;
    for (int o = 0; o < heads; o++) {
      double mean = examples == 0 ? Double.NaN : lossSums[o] / examples;
      total += mean;
      if (heads > 1) {
        values.put(MetricNames.scoped(MetricNames.outputLoss(o, heads), scope), mean);
      }
    }
    if (withTotal) {
      values.put(MetricNames.scoped(MetricNames.LOSS, scope), total);
    }
    return values;
  }

  void reset() {
    metrics.reset();
    java.util.Arrays.fill(lossSums, 0);
    examples = 0;
  }
}
