package dev.musket.engine.train.loss;

/**
 * Musket's {@code iou_loss} ({@code iou_coef_loss}): the negated {@code iou_coef}, per example
 * {@code -2 (sum y p + 1) / (sum y + sum p + 1)}, averaged over the batch. It is negative by design
 * (Musket minimises {@code -iou}); 0 is not its optimum.
 */
public final class IouLoss extends KerasLoss {

  private static final long serialVersionUID = 1L;

  private static final double SMOOTH = 1;

  @Override
  public String kerasName() {
    return "iou_loss";
  }

  @Override
  protected Value evaluate(double[][] labels, double[][] output) {
    int n = output.length;
    double[] scores = new double[n];
    double[][] gradient = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] y = labels[i];
      double[] p = output[i];
      double intersection = SMOOTH;
      double union = SMOOTH;
      for (int j = 0; j < p.length; j++) {
        intersection += y[j] * p[j];
        union += y[j] + p[j];
      }
      scores[i] = -2 * intersection / union;
      gradient[i] = new double[p.length];
      for (int j = 0; j < p.length; j++) {
        gradient[i][j] = -2 * (y[j] * union - intersection) / (union * union);
      }
    }
    return new Value(scores, gradient);
  }
}
