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
 *       measured over a centred window of {@code window} batches, before the minimum of the
 *       smoothed loss. Each batch multiplies the lr by the same factor, so a slope per batch is a
 *       slope against log(lr). This is fastai's "steepest" suggestion, and Leslie Smith's advice to
 *       train where the loss still drops quickly.
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
    double[] z = zeroPhase(points.subList(0, n), beta);
    int min = -1;
    for (int i = 0; i < n; i++) {
      if (min < 0 || z[i] < z[min]) {
        min = i;
      }
    }
    int h = Math.max(1, (window + 1) / 2);
    int steepest = -1;
    double steepestSlope = 0;
    for (int i = h; i <= min && i + h < n; i++) {
      double slope = (z[i + h] - z[i - h]) / (2 * h);
      if (slope < steepestSlope) {
        steepest = i;
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

  /**
   * The raw losses smoothed with no lag: the bias-corrected moving average run forwards, then
   * backwards over the result (what signal processing calls forward-backward filtering).
   */
  static double[] zeroPhase(List<LrFinderPoint> points, double beta) {
    int n = points.size();
    double[] forward = new double[n];
    double avg = 0;
    for (int i = 0; i < n; i++) {
      avg = beta * avg + (1 - beta) * points.get(i).loss();
      forward[i] = avg / (1 - Math.pow(beta, i + 1));
    }
    double[] out = new double[n];
    avg = 0;
    for (int i = n - 1; i >= 0; i--) {
      avg = beta * avg + (1 - beta) * forward[i];
      out[i] = avg / (1 - Math.pow(beta, n - i));
    }
    return out;
  }
}
