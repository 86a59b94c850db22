package dev.musket.engine.train.loss;

import dev.musket.engine.util.Matrices;
import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A Keras/Musket loss written once, in plain double arithmetic on activations, and adapted here to
 * DL4J's {@link ILossFunction} contract.
 *
 * <p>Why a base class: Keras defines losses on the activated output and reduces them its own way
 * (mean over the last axis, then over the batch; some Musket losses sum over the whole batch),
 * while a DL4J output layer wants the <em>batch total</em> {@code T} from {@code
 * computeScore(average=false)} (it divides by the minibatch size itself) and {@code dT/dpreOutput}
 * from {@code computeGradient} (the updater divides by the minibatch size). Subclasses give, for
 * one batch, per-example scores whose sum is {@code T = batch size x Keras loss} and {@code
 * dT/dOutput}; this class applies the activation, back-propagates through it, and handles masks. So
 * every loss reports exactly the Keras value as DL4J's averaged score.
 *
 * <p>Arrays are 2-d {@code [batch, outputs]}, as DL4J's output layers hand them over. Batches are
 * small (classification heads), so plain loops cost microseconds and keep each formula readable.
 */
public abstract class KerasLoss implements ILossFunction {

  private static final long serialVersionUID = 1L;

  /**
   * Per-example scores (summing to the batch total) and the total's gradient w.r.t. outputs. Public
   * so that project losses in other packages ({@code @Loss} in {@code modules/}) can build it.
   */
  public record Value(double[] perExample, double[][] gradient) {}

  /** Keras' name for this loss, e.g. {@code binary_crossentropy}. */
  public abstract String kerasName();

  /** The batch total and its gradient, for activated outputs (or logits, see below). */
  protected abstract Value evaluate(double[][] labels, double[][] output);

  /**
   * Whether each example's score depends on that example only. Losses reduced over the whole batch
   * (Musket's focal, f1 and l2 losses) cannot honour a per-example mask.
   */
  protected boolean perExample() {
    return true;
  }

  /**
   * Whether the loss reads the activated output (the usual case) or the raw pre-activation logits
   * (the Lovász hinge, for which Musket rebuilds the model to output logits).
   */
  protected boolean readsActivatedOutput() {
    return true;
  }

  @Override
  public double computeScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    double[] scores = scores(labels, preOutput, activationFn, mask);
    double total = 0;
    for (double s : scores) {
      total += s;
    }
    return average ? total / scores.length : total;
  }

  @Override
  public INDArray computeScoreArray(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    double[] scores = scores(labels, preOutput, activationFn, mask);
    return Nd4j.create(scores, new long[] {scores.length, 1}, DataType.DOUBLE)
        .castTo(preOutput.dataType());
  }

  @Override
  public INDArray computeGradient(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    Value value = value(labels, preOutput, activationFn);
    double[][] gradient = value.gradient();
    double[] rowMask = rowMask(mask, gradient.length);
    if (rowMask != null) {
      for (int i = 0; i < gradient.length; i++) {
        for (int j = 0; j < gradient[i].length; j++) {
          gradient[i][j] *= rowMask[i];
        }
      }
    }
    INDArray dLdOutput = Nd4j.create(gradient).castTo(preOutput.dataType());
    if (!readsActivatedOutput()) {
      return dLdOutput;
    }
    return activationFn.backprop(preOutput.dup(), dLdOutput).getFirst();
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

  @Override
  public String name() {
    return kerasName();
  }

  @Override
  public String toString() {
    return kerasName();
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }

  private double[] scores(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    double[] scores = value(labels, preOutput, activationFn).perExample();
    double[] rowMask = rowMask(mask, scores.length);
    if (rowMask != null) {
      for (int i = 0; i < scores.length; i++) {
        scores[i] *= rowMask[i];
      }
    }
    return scores;
  }

  private Value value(INDArray labels, INDArray preOutput, IActivation activationFn) {
    requireMatrix("labels", labels);
    requireMatrix("preOutput", preOutput);
    if (labels.size(0) != preOutput.size(0)) {
      throw new IllegalArgumentException(
          kerasName()
              + ": labels have "
              + labels.size(0)
              + " rows but the output has "
              + preOutput.size(0));
    }
    INDArray output =
        readsActivatedOutput() ? activationFn.getActivation(preOutput.dup(), false) : preOutput;
    return evaluate(Matrices.doubleRows(labels), Matrices.doubleRows(output));
  }

  private double[] rowMask(INDArray mask, int rows) {
    if (mask == null) {
      return null;
    }
    if (!perExample()) {
      throw new IllegalArgumentException(
          kerasName() + " is reduced over the whole batch, so it cannot take a mask");
    }
    if (mask.rank() > 2 || mask.length() != rows) {
      throw new IllegalArgumentException(
          kerasName()
              + " takes a per-example mask of shape ["
              + rows
              + ", 1]; got "
              + Arrays.toString(mask.shape()));
    }
    return mask.reshape(rows).toDoubleVector();
  }

  private void requireMatrix(String what, INDArray array) {
    if (array.rank() != 2) {
      throw new IllegalArgumentException(
          kerasName()
              + " expects 2-d "
              + what
              + " [batch, outputs]; got shape "
              + Arrays.toString(array.shape()));
    }
  }
}
