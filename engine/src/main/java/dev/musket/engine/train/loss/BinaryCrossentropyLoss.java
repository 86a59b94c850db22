package dev.musket.engine.train.loss;

import static dev.musket.engine.train.loss.KerasBackend.EPSILON;
import static dev.musket.engine.train.loss.KerasBackend.clip;
import static dev.musket.engine.train.loss.KerasBackend.clipGradient;

/**
 * Keras' {@code binary_crossentropy}: outputs clipped to [1e-7, 1 - 1e-7], averaged over the
 * outputs of an example, then over the batch.
 *
 * <p>Why not DL4J's {@code LossBinaryXENT}: it sums over the outputs (so its score is {@code
 * outputs} times Keras') and clips at 1e-5.
 */
public final class BinaryCrossentropyLoss extends KerasLoss {

  private static final long serialVersionUID = 1L;

  @Override
  public String kerasName() {
    return "binary_crossentropy";
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
        double y = labels[i][j];
        double p = clip(output[i][j], EPSILON, 1 - EPSILON);
        scores[i] -= (y * Math.log(p) + (1 - y) * Math.log(1 - p)) / c;
        gradient[i][j] =
            clipGradient(output[i][j], EPSILON, 1 - EPSILON) * (-y / p + (1 - y) / (1 - p)) / c;
      }
    }
    return new Value(scores, gradient);
  }
}
