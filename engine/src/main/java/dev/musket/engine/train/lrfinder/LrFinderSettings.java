package dev.musket.engine.train.lrfinder;

/**
 * What an LR range test sweeps: the learning rate grows exponentially, batch by batch, from {@code
 * startLr} to {@code endLr} over {@code epochs} epochs of the training data.
 *
 * @param divergeFactor the test stops once the smoothed loss exceeds this many times its best (4,
 *     as fastai and the Keras LR finders do)
 * @param window the number of batches the loss change is averaged over
 */
public record LrFinderSettings(
    double startLr, double endLr, int epochs, double divergeFactor, int window) {

  public static final double DEFAULT_START_LR = 1e-7;
  public static final double DEFAULT_END_LR = 10;
  public static final int DEFAULT_EPOCHS = 1;
  public static final double DEFAULT_DIVERGE_FACTOR = 4;
  public static final int DEFAULT_WINDOW = 5;

  public LrFinderSettings {
    if (!(startLr > 0) || !Double.isFinite(startLr)) {
      throw new IllegalArgumentException("start_lr must be a positive number, got " + startLr);
    }
    if (!(endLr > startLr) || !Double.isFinite(endLr)) {
      throw new IllegalArgumentException(
          "end_lr must be a number above start_lr (" + startLr + "), got " + endLr);
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    if (!(divergeFactor > 1)) {
      throw new IllegalArgumentException(
          "the divergence factor must exceed 1, got " + divergeFactor);
    }
    if (window < 1) {
      throw new IllegalArgumentException("the window must be at least 1 batch, got " + window);
    }
  }

  /** The defaults, with the given sweep. */
  public static LrFinderSettings of(double startLr, double endLr, int epochs) {
    return new LrFinderSettings(startLr, endLr, epochs, DEFAULT_DIVERGE_FACTOR, DEFAULT_WINDOW);
  }

  public static LrFinderSettings defaults() {
    return of(DEFAULT_START_LR, DEFAULT_END_LR, DEFAULT_EPOCHS);
  }

  /**
   * The learning rate of batch {@code batch} (0-based) of {@code total}: {@code startLr} at the
   * first, {@code endLr} at the last, evenly spaced on a log scale in between.
   */
  public double lrAt(int batch, int total) {
    if (total <= 1) {
      return startLr;
    }
    double t = (double) batch / (total - 1);
    return startLr * Math.pow(endLr / startLr, t);
  }
}
