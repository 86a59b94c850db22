package dev.musket.engine.train.loss;

import static dev.musket.engine.train.loss.KerasBackend.EPSILON;

/**
 * Musket's {@code f1_loss}: {@code 1 - mean over classes of a soft F1}, where each class's true
 * positives, false positives and false negatives are sums of probabilities over the batch. It
 * optimises macro F1 directly, so it is computed over the whole batch, not per example.
 */
public final class F1Loss extends BatchReducedLoss {

  private static final long serialVersionUID = 1L;

  @Override
  public String kerasName() {
    return "f1_loss";
  }

  @Override
  protected BatchValue evaluateBatch(double[][] labels, double[][] output) {
    int n = output.length;
    if (n == 0) {
      return new BatchValue(0, new double[0][]);
    }
    int classes = output[0].length;
    double[][] gradient = new double[n][classes];
    double meanF1 = 0;
    for (int c = 0; c < classes; c++) {
      double tp = 0;
      double fp = 0;
      double fn = 0;
      for (int i = 0; i < n; i++) {
        double y = labels[i][c];
        double p = output[i][c];
        tp += y * p;
        fp += (1 - y) * p;
        fn += y * (1 - p);
      }
      double precisionDenominator = tp + fp + EPSILON;
      double recallDenominator = tp + fn + EPSILON;
      double precision = tp / precisionDenominator;
      double recall = tp / recallDenominator;
      double f1Denominator = precision + recall + EPSILON;
      double f1 = 2 * precision * recall / f1Denominator;
      if (Double.isNaN(f1)) {
        continue; // Musket replaces NaN by 0, which has no gradient
      }
      meanF1 += f1 / classes;
      double dF1dPrecision = 2 * recall * (recall + EPSILON) / (f1Denominator * f1Denominator);
      double dF1dRecall = 2 * precision * (precision + EPSILON) / (f1Denominator * f1Denominator);
      double dPrecisionDtp = (fp + EPSILON) / (precisionDenominator * precisionDenominator);
      double dPrecisionDfp = -tp / (precisionDenominator * precisionDenominator);
      double dRecallDtp = (fn + EPSILON) / (recallDenominator * recallDenominator);
      double dRecallDfn = -tp / (recallDenominator * recallDenominator);
      for (int i = 0; i < n; i++) {
        double y = labels[i][c];
        // dtp/dp = y, dfp/dp = 1 - y, dfn/dp = -y
        double dPrecision = dPrecisionDtp * y + dPrecisionDfp * (1 - y);
        double dRecall = dRecallDtp * y - dRecallDfn * y;
        gradient[i][c] = -(dF1dPrecision * dPrecision + dF1dRecall * dRecall) / classes;
      }
    }
    return new BatchValue(1 - meanF1, gradient);
  }
}
