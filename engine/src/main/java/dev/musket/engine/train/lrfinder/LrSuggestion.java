package dev.musket.engine.train.lrfinder;

import java.util.List;
import java.util.Optional;

/**
 * What an LR range test suggests: one learning rate and a range around it.
 *
 * <p>The rule, read from the loss smoothed without lag (see below and {@link #RULE}):
 *
 * <ul>
 *   <li><b>suggested</b>: where the loss falls fastest against log(lr): the most negative slope,
 *       measured over a centred window of {@code window} batches (cut short at the ends), before
 *       the minimum of the smoothed loss. Each batch multiplies the lr by the same factor, so a
 *       slope per batch is a slope against log(lr). This is fastai's "steepest" suggestion, and
 *       Leslie Smith's advice to train where the loss still drops quickly.
 *   <li><b>range low</b>: where the loss starts falling: the first lr at which the smoothed loss
 *       has fallen by a tenth of its whole fall (from its first value to its minimum).
 *   <li><b>range high</b>: a tenth of the lr at the minimum smoothed loss (fastai's {@code
 *       lr_min}), the usual safe upper end: at the minimum itself the loss is about to blow up.
 * </ul>
 *
 * The range is widened where needed so that it holds the suggestion.
 *
 * <p>Why the suggestion reads a second, lag-free smoothing rather than the smoothed loss column: a
 * moving average that only looks back trails the loss, so its steepest point and its minimum come
 * several batches (a sizeable share of a decade in a short sweep) after the raw loss's, at higher
 * rates. Once the sweep is over the whole curve is known, so the same average is run forwards and
 * then backwards over the raw losses, which cancels the delay. The loss change column and the live
 * plots keep the forward average, which is all a running sweep can have.
 *
 * @param minLossLr the lr at the minimum smoothed loss
 */
public record LrSuggestion(double lr, double rangeLow, double rangeHigh, double minLossLr) {

  /** The rule in one line, for the CLI's output, the CSV's readers and the workbench. */
  public static final String RULE =
      "suggested = lr of the steepest fall of the smoothed loss (before its minimum);"
          + " range = from where the loss has fallen 10% of its total fall"
          + " to a tenth of the minimum-loss lr";

  /** The share of the whole fall after which the loss counts as falling. */
  static final double FALL_STARTED = 0.1;

  /** The fraction of the minimum-loss lr that ends the range. */
  static final double HIGH_FRACTION = 0.1;

  /**
   * The suggestion for a sweep's points, or empty when the loss never fell (the sweep started too
   * high, ended too low, or was too short to measure a slope over the window).
   *
   * @param window the batches the loss change was averaged over
   * @param beta the moving average's weight ({@link LossCurve#beta()})
   */
  public static Optional<LrSuggestion> of(List<LrFinderPoint> points, int window, double beta) {
    int n = 0;
    while (n < points.size() && Double.isFinite(points.get(n).loss())) {
      n++;
    }
    if (n == 0) {
      return Optional.empty();
    }
    double[] forward = forward(points.subList(0, n), beta);
    // the forward average's minimum comes at or after the raw loss's: nothing before it is cut
    int end = argmin(forward, forward.length) + 1;
    double[] z = backward(forward, end, beta);
    int min = argmin(z, end);
    // the slope over a window centred on each batch, cut short at the curve's ends (a fall just
    // before the minimum is often where the curve ends); its place is the window's middle
    int h = Math.max(1, (window + 1) / 2);
    int steepest = -1;
    double steepestSlope = 0;
    for (int i = 1; i <= min; i++) {
      int lo = Math.max(0, i - h);
      int hi = Math.min(end - 1, i + h);
      if (hi - lo < h) {
        continue;
      }
      double slope = (z[hi] - z[lo]) / (hi - lo);
      if (slope < steepestSlope) {
        steepest = (lo + hi) / 2;
        steepestSlope = slope;
      }
    }
    if (steepest < 0) {
      return Optional.empty();
    }
    double suggested = points.get(steepest).lr();
    double threshold = z[0] - FALL_STARTED * (z[0] - z[min]);
    int fallStarts = min;
    for (int i = 0; i <= min; i++) {
      if (z[i] <= threshold) {
        fallStarts = i;
        break;
      }
    }
    double low = points.get(fallStarts).lr();
    double minLossLr = points.get(min).lr();
    double high = Math.max(low, HIGH_FRACTION * minLossLr);
    return Optional.of(
        new LrSuggestion(
            suggested, Math.min(low, suggested), Math.max(high, suggested), minLossLr));
  }

  private static int argmin(double[] values, int end) {
    int min = 0;
    for (int i = 1; i < end; i++) {
      if (values[i] < values[min]) {
        min = i;
      }
    }
    return min;
  }

  /** The bias-corrected moving average of the losses, forwards (what the CSV's column holds). */
  static double[] forward(List<LrFinderPoint> points, double beta) {
    double[] out = new double[points.size()];
    double avg = 0;
    for (int i = 0; i < out.length; i++) {
      avg = beta * avg + (1 - beta) * points.get(i).loss();
      out[i] = avg / (1 - Math.pow(beta, i + 1));
    }
    return out;
  }

  /** The same average run backwards over the first {@code end} values, cancelling the lag. */
  static double[] backward(double[] values, int end, double beta) {
    double[] out = new double[end];
    double avg = 0;
    for (int i = end - 1; i >= 0; i--) {
      avg = beta * avg + (1 - beta) * values[i];
      out[i] = avg / (1 - Math.pow(beta, end - i));
    }
    return out;
  }
}
