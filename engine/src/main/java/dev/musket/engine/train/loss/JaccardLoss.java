package dev.musket.engine.train.loss;

import static dev.musket.engine.train.loss.KerasBackend.sign;

/**
 * Musket's {@code jaccard_loss} ({@code jaccard_distance_loss}, smooth 100): per example, with
 * {@code I = sum|y p|} and {@code S = sum(|y| + |p|)}, {@code (1 - (I + 100) / (S - I + 100)) *
 * 100}, averaged over the batch. The large smoothing keeps gradients alive on unbalanced outputs.
 */
public final class JaccardLoss extends KerasLoss {

  private static final long serialVersionUID = 1L;

  private static final double SMOOTH = 100;

  @Override
  public String kerasName() {
    return "jaccard_loss";
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
      double sum = 0;
      for (int j = 0; j < p.length; j++) {
        intersection += Math.abs(y[j] * p[j]);
        sum += Math.abs(y[j]) + Math.abs(p[j]);
      }
      double numerator = intersection + SMOOTH;
      double denominator = sum - intersection + SMOOTH;
      scores[i] = (1 - numerator / denominator) * SMOOTH;
      gradient[i] = new double[p.length];
      for (int j = 0; j < p.length; j++) {
        double dIntersection = y[j] * sign(y[j] * p[j]);
        double dSum = sign(p[j]);
        double dJaccard =
            (dIntersection * denominator - numerator * (dSum - dIntersection))
                / (denominator * denominator);
        gradient[i][j] = -SMOOTH * dJaccard;
      }
    }
    return new Value(scores, gradient);
  }
}
