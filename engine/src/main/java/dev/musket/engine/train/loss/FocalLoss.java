package dev.musket.engine.train.loss;

import static dev.musket.engine.train.loss.KerasBackend.clip;
import static dev.musket.engine.train.loss.KerasBackend.clipGradient;

/**
 * Musket's {@code focal_loss} (Lin et al.) with Musket's fixed gamma 2 and alpha 0.25, outputs
 * clipped to [1e-15, 1 - 1e-15] and <em>summed</em> over the batch and outputs: {@code -sum over
 * y=1 of a (1-p)^g log p - sum over y=0 of (1-a) p^g log(1-p)}. Targets that are neither exactly 0
 * nor 1 contribute nothing, as in Musket. Musket's schema calls it "very unstable": the sum makes
 * its scale grow with the batch size.
 */
public final class FocalLoss extends BatchReducedLoss {

  private static final long serialVersionUID = 1L;

  private static final double GAMMA = 2;
  private static final double ALPHA = 0.25;
  private static final double EPSILON = 1e-15;

  @Override
  public String kerasName() {
    return "focal_loss";
  }

  @Override
  protected BatchValue evaluateBatch(double[][] labels, double[][] output) {
    double sum = 0;
    double[][] gradient = new double[output.length][];
    for (int i = 0; i < output.length; i++) {
      gradient[i] = new double[output[i].length];
      for (int j = 0; j < output[i].length; j++) {
        double raw = output[i][j];
        double p = clip(raw, EPSILON, 1 - EPSILON);
        double pass = clipGradient(raw, EPSILON, 1 - EPSILON);
        if (labels[i][j] == 1) {
          double q = 1 - p;
          sum -= ALPHA * Math.pow(q, GAMMA) * Math.log(p);
          gradient[i][j] =
              pass
                  * -ALPHA
                  * (-GAMMA * Math.pow(q, GAMMA - 1) * Math.log(p) + Math.pow(q, GAMMA) / p);
        } else if (labels[i][j] == 0) {
          sum -= (1 - ALPHA) * Math.pow(p, GAMMA) * Math.log(1 - p);
          gradient[i][j] =
              pass
                  * -(1 - ALPHA)
                  * (GAMMA * Math.pow(p, GAMMA - 1) * Math.log(1 - p)
                      - Math.pow(p, GAMMA) / (1 - p));
        }
      }
    }
    return new BatchValue(sum, gradient);
  }
}
