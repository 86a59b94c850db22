package dev.musket.engine.train.loss;

import static dev.musket.engine.train.loss.KerasBackend.EPSILON;
import static dev.musket.engine.train.loss.KerasBackend.clip;
import static dev.musket.engine.train.loss.KerasBackend.clipGradient;

/**
 * Keras' {@code categorical_crossentropy} for one-hot (or soft) targets: the outputs are first
 * scaled to sum to 1, clipped to [1e-7, 1 - 1e-7], then {@code -sum(y log p)} per example, averaged
 * over the batch.
 *
 * <p>Why not DL4J's {@code LossMCXENT}: it neither rescales non-softmax outputs nor clips as Keras
 * does; with a softmax the two agree up to the clipping.
 */
public final class CategoricalCrossentropyLoss extends KerasLoss {

  private static final long serialVersionUID = 1L;

  @Override
  public String kerasName() {
    return "categorical_crossentropy";
  }

  @Override
  protected Value evaluate(double[][] labels, double[][] output) {
    int n = output.length;
    double[] scores = new double[n];
    double[][] gradient = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] p = output[i];
      int c = p.length;
      double sum = 0;
      for (double v : p) {
        sum += v;
      }
      // dL/dq for q = p / sum, then through the normalisation: dq_j/dp_k = (delta_jk - q_j) / sum.
      double[] dq = new double[c];
      double weighted = 0;
      for (int j = 0; j < c; j++) {
        double q = p[j] / sum;
        double qc = clip(q, EPSILON, 1 - EPSILON);
        scores[i] -= labels[i][j] * Math.log(qc);
        dq[j] = clipGradient(q, EPSILON, 1 - EPSILON) * -labels[i][j] / qc;
        weighted += dq[j] * q;
      }
      gradient[i] = new double[c];
      for (int k = 0; k < c; k++) {
        gradient[i][k] = (dq[k] - weighted) / sum;
      }
    }
    return new Value(scores, gradient);
  }
}
