package dev.musket.engine.train.loss;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A composite loss, Musket's {@code a+0.1*b}: the weighted sum of its terms' scores and gradients.
 * Every term sees the same labels, pre-activation output and activation, so each keeps its own
 * reduction (a Keras-mean term and a batch-summed term add as they do in Musket).
 *
 * <p>Serialisable with DL4J's configuration JSON, so a network that uses it round-trips.
 */
public final class WeightedSumLoss implements ILossFunction {

  private static final long serialVersionUID = 1L;

  private final double[] weights;
  private final ILossFunction[] losses;

  @JsonCreator
  public WeightedSumLoss(
      @JsonProperty("weights") double[] weights, @JsonProperty("losses") ILossFunction[] losses) {
    if (weights.length != losses.length || losses.length == 0) {
      throw new IllegalArgumentException(
          "a weighted sum needs one weight per loss and at least one loss; got "
              + weights.length
              + " weights and "
              + losses.length
              + " losses");
    }
    this.weights = weights.clone();
    this.losses = losses.clone();
  }

  public WeightedSumLoss(List<Double> weights, List<ILossFunction> losses) {
    this(
        weights.stream().mapToDouble(Double::doubleValue).toArray(),
        losses.toArray(ILossFunction[]::new));
  }

  public double[] getWeights() {
    return weights.clone();
  }

  public ILossFunction[] getLosses() {
    return losses.clone();
  }

  @Override
  public double computeScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    double score = 0;
    for (int k = 0; k < losses.length; k++) {
      score += weights[k] * losses[k].computeScore(labels, preOutput, activationFn, mask, average);
    }
    return score;
  }

  @Override
  public INDArray computeScoreArray(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    INDArray sum = null;
    for (int k = 0; k < losses.length; k++) {
      INDArray term =
          losses[k].computeScoreArray(labels, preOutput, activationFn, mask).muli(weights[k]);
      sum = sum == null ? term : sum.addi(term);
    }
    return sum;
  }

  @Override
  public INDArray computeGradient(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    INDArray sum = null;
    for (int k = 0; k < losses.length; k++) {
      INDArray term =
          losses[k].computeGradient(labels, preOutput, activationFn, mask).muli(weights[k]);
      sum = sum == null ? term : sum.addi(term);
    }
    return sum;
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    return new Pair<>(
        computeScore(labels, preOutput, activationFn, mask, average),
        computeGradient(labels, preOutput, activationFn, mask));
  }

  /** Musket's notation, e.g. {@code binary_crossentropy+0.1*dice_loss}. */
  @Override
  public String name() {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < losses.length; k++) {
      if (k > 0) {
        b.append('+');
      }
      if (weights[k] != 1.0) {
        b.append(weights[k]).append('*');
      }
      b.append(losses[k].name());
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightedSumLoss other
        && Arrays.equals(weights, other.weights)
        && Arrays.equals(losses, other.losses);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(weights), Arrays.hashCode(losses));
  }
}
