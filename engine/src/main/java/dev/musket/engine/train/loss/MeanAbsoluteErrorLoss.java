package dev.musket.engine.train.loss;

/**
 * Keras' {@code mae}: {@code |p - y|} averaged over the outputs of an example, then over the batch.
 *
 * <p>Why not DL4J's {@code LossMAE}: in 1.0.0-M2.1 its {@code computeScoreArray} divides the
 * per-example sums by the wrong dimension (1 instead of the number of outputs), so per-example
 * scores disagree with its own {@code computeScore}.
 */
public final class MeanAbsoluteErrorLoss extends KerasLoss {

  private static final long serialVersionUID = 1L;

  @Override
  public String kerasName() {
    return "mae";
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
        double d = output[i][j] - labels[i][j];
        scores[i] += Math.abs(d) / c;
        gradient[i][j] = KerasBackend.sign(d) / c;
      }
    }
    return new Value(scores, gradient);
  }
}
