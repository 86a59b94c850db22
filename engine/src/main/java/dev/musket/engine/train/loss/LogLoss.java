package dev.musket.engine.train.loss;

import static dev.musket.engine.train.loss.KerasBackend.clip;
import static dev.musket.engine.train.loss.KerasBackend.clipGradient;

/**
 * Musket's {@code log_loss}: {@code -sum(y log p)} with p clipped to [1e-15, 1 - 1e-15], divided by
 * the batch size (Kaggle's multi-class log loss). Unlike binary cross-entropy it ignores the
 * negative outputs' {@code log(1 - p)}.
 */
public final class LogLoss extends KerasLoss {

  private static final long serialVersionUID = 1L;

  private static final double EPSILON = 1e-15;

  @Override
  public String kerasName() {
    return "log_loss";
  }

  @Override
  protected Value evaluate(double[][] labels, double[][] output) {
    int n = output.length;
    double[] scores = new double[n];
    double[][] gradient = new double[n][];
    for (int i = 0; i < n; i++) {
      int c = output[i].length;
      gradient[i] = new double[c];
      for (int j = 0; j < c; j++) {
        double p = clip(output[i][j], EPSILON, 1 - EPSILON);
        scores[i] -= labels[i][j] * Math.log(p);
        gradient[i][j] = clipGradient(output[i][j], EPSILON, 1 - EPSILON) * -labels[i][j] / p;
      }
    }
    return new Value(scores, gradient);
  }
}
