package dev.musket.engine.train.loss;

/**
 * Musket's {@code l2_loss}: {@code sum((y - p)^2)} over the whole batch and all outputs (a sum, not
 * a mean, so its scale grows with the batch size, as in Musket).
 */
public final class L2Loss extends BatchReducedLoss {

  private static final long serialVersionUID = 1L;

  @Override
  public String kerasName() {
    return "l2_loss";
  }

  @Override
  protected BatchValue evaluateBatch(double[][] labels, double[][] output) {
    double sum = 0;
    double[][] gradient = new double[output.length][];
    for (int i = 0; i < output.length; i++) {
      gradient[i] = new double[output[i].length];
      for (int j = 0; j < output[i].length; j++) {
        double d = labels[i][j] - output[i][j];
        sum += d * d;
        gradient[i][j] = -2 * d;
      }
    }
    return new BatchValue(sum, gradient);
  }
}
