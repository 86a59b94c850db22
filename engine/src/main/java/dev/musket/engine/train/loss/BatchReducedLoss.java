package dev.musket.engine.train.loss;

import java.util.Arrays;

/**
 * A loss that Musket reduces over the whole batch (a sum, or a score over all examples at once)
 * rather than per example. Keras reports that batch value as the loss; DL4J divides the total by
 * the batch size, so the total is the batch value times the batch size, spread evenly over the
 * examples' scores, and the gradient is scaled the same way.
 */
abstract class BatchReducedLoss extends KerasLoss {

  private static final long serialVersionUID = 1L;

  /** The batch's value as Keras reports it, and its gradient w.r.t. the outputs. */
  protected record BatchValue(double value, double[][] gradient) {}

  protected abstract BatchValue evaluateBatch(double[][] labels, double[][] output);

  @Override
  protected final boolean perExample() {
    return false;
  }

  @Override
  protected final Value evaluate(double[][] labels, double[][] output) {
    BatchValue batch = evaluateBatch(labels, output);
    int n = output.length;
    double[] scores = new double[n];
    Arrays.fill(scores, batch.value());
    double[][] gradient = batch.gradient();
    for (double[] row : gradient) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= n;
      }
    }
    return new Value(scores, gradient);
  }
}
