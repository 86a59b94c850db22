package dev.musket.engine.train.loss;

import static dev.musket.engine.train.loss.KerasBackend.sign;

/**
 * Musket's {@code dice_loss} ({@code dice_coef_loss}): per example {@code 1 - (2 sum|y p| + 1) /
 * (sum y^2 + sum p^2 + 1)} over the outputs, averaged over the batch. A soft Dice, so it trains
 * directly on probabilities.
 */
public final class DiceLoss extends KerasLoss {

  private static final long serialVersionUID = 1L;

  private static final double SMOOTH = 1;

  @Override
  public String kerasName() {
    return "dice_loss";
  }

  @Override
  protected Value evaluate(double[][] labels, double[][] output) {
    int n = output.length;
    double[] scores = new double[n];
    double[][] gradient = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] y = labels[i];
      double[] p = output[i];
      double intersection = 0;
      double squares = SMOOTH;
      for (int j = 0; j < p.length; j++) {
        intersection += Math.abs(y[j] * p[j]);
        squares += y[j] * y[j] + p[j] * p[j];
      }
      double numerator = 2 * intersection + SMOOTH;
      scores[i] = 1 - numerator / squares;
      gradient[i] = new double[p.length];
      for (int j = 0; j < p.length; j++) {
        double dIntersection = y[j] * sign(y[j] * p[j]);
        double dCoefficient =
            (2 * dIntersection * squares - numerator * 2 * p[j]) / (squares * squares);
        gradient[i][j] = -dCoefficient;
      }
    }
    return new Value(scores, gradient);
  }
}
