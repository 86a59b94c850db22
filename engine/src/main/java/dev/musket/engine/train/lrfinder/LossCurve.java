package dev.musket.engine.train.lrfinder;

import java.util.ArrayList;
import java.util.List;

/**
 * The loss of an LR range test as it comes in: smoothed, differentiated, and watched for
 * divergence.
 *
 * <p>Smoothing is an exponential moving average with bias correction ({@code avg / (1 - beta^n)}),
 * as fastai's and the Keras LR finders do, so the first batches are not pulled towards zero. The
 * raw per-batch loss is too noisy to read a slope from, and the slope is what the suggestion needs.
 *
 * <p>Why the smoothing weight depends on the run's length: an average with weight {@code beta} lags
 * by about {@code 1 / (1 - beta)} batches. fastai's 0.98 (50 batches) suits its 100+ batch sweeps,
 * but in a short sweep it would shift the whole curve, and the suggestion, towards higher rates.
 * The lag is therefore capped at a tenth of the batches.
 */
public final class LossCurve {

  /** fastai's smoothing weight, used for sweeps of 500 batches and more. */
  public static final double FASTAI_BETA = 0.98;

  private final double beta;
  private final int window;
  private final double divergeFactor;
  private final List<LrFinderPoint> points = new ArrayList<>();
  private double average;
  private double best = Double.POSITIVE_INFINITY;

  public LossCurve(double beta, int window, double divergeFactor) {
    this.beta = beta;
    this.window = window;
    this.divergeFactor = divergeFactor;
  }

  /** A curve for a sweep of {@code totalBatches} batches. */
  public static LossCurve forSweep(int totalBatches, LrFinderSettings settings) {
    return new LossCurve(betaFor(totalBatches), settings.window(), settings.divergeFactor());
  }

  /** The smoothing weight whose lag is at most a tenth of the sweep and at most fastai's. */
  static double betaFor(int totalBatches) {
    double lag = Math.min(1 / (1 - FASTAI_BETA), Math.max(1, totalBatches / 10.0));
    return 1 - 1 / lag;
  }

  /** Adds the next batch's loss and returns its point. */
  public LrFinderPoint add(double lr, double loss) {
    int n = points.size() + 1;
    average = beta * average + (1 - beta) * loss;
    double smoothed = beta == 0 ? loss : average / (1 - Math.pow(beta, n));
    double change = Double.NaN;
    if (points.size() >= window) {
      change = (smoothed - points.get(points.size() - window).smoothedLoss()) / window;
    }
    LrFinderPoint point = new LrFinderPoint(points.size(), lr, loss, smoothed, change);
    points.add(point);
    if (smoothed < best) {
      best = smoothed;
    }
    return point;
  }

  /** Why the sweep must stop after the last point, or {@code null} while it may go on. */
  public LrFinderResult.Ending stopReason() {
    if (points.isEmpty()) {
      return null;
    }
    LrFinderPoint last = points.get(points.size() - 1);
    if (!Double.isFinite(last.loss()) || !Double.isFinite(last.smoothedLoss())) {
      return LrFinderResult.Ending.NOT_A_NUMBER;
    }
    if (points.size() > 1 && last.smoothedLoss() > divergeFactor * best) {
      return LrFinderResult.Ending.DIVERGED;
    }
    return null;
  }

  public List<LrFinderPoint> points() {
    return List.copyOf(points);
  }

  /** The moving average's weight. */
  public double beta() {
    return beta;
  }

  public int window() {
    return window;
  }
}
