package dev.musket.engine.train.lrfinder;

import java.util.List;
import java.util.Optional;

/**
 * An LR range test's outcome: every batch's point, why it ended, and the suggestion when the loss
 * fell somewhere.
 *
 * @param plannedBatches the batches the sweep would have run had the loss not diverged
 */
public record LrFinderResult(
    List<LrFinderPoint> points,
    int plannedBatches,
    Ending ending,
    Optional<LrSuggestion> suggestion) {

  /** Below this many planned batches the curve is too noisy to read a slope from reliably. */
  public static final int FEW_BATCHES = 50;

  public LrFinderResult {
    points = List.copyOf(points);
  }

  /**
   * A hint when the sweep was short, else empty: the epochs that spread it over about 100 batches.
   *
   * @param epochs the epochs the sweep ran over
   */
  public Optional<String> shortSweepHint(int epochs) {
    if (plannedBatches >= FEW_BATCHES) {
      return Optional.empty();
    }
    int perEpoch = Math.max(1, plannedBatches / Math.max(1, epochs));
    int better = (100 + perEpoch - 1) / perEpoch;
    return Optional.of(
        "only "
            + plannedBatches
            + " batches: the curve is noisy at this length; epochs "
            + better
            + " spreads the sweep over about 100");
  }

  /** Why the sweep ended. */
  public enum Ending {
    /** It reached {@code end_lr}. */
    COMPLETED("reached end_lr"),
    /** The smoothed loss exceeded the divergence factor times its best. */
    DIVERGED("the loss diverged (over 4x its best)"),
    /** The loss became NaN or infinite. */
    NOT_A_NUMBER("the loss became NaN");

    private final String text;

    Ending(String text) {
      this.text = text;
    }

    /** A short phrase for logs and the CLI. */
    public String describe() {
      return text;
    }
  }
}
