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

  public LrFinderResult {
    points = List.copyOf(points);
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
