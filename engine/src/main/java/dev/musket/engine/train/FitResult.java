package dev.musket.engine.train;

import dev.musket.engine.config.validate.Diagnostic;
import java.util.List;

/**
 * How one experiment's fit ended.
 *
 * @param diagnostics the problems that stopped it before training (data that cannot be read)
 * @param error the failure's message, or {@code null}
 */
public record FitResult(Outcome outcome, List<Diagnostic> diagnostics, String error) {

  /** The ways a fit ends. */
  public enum Outcome {
    /** Trained (or reported) and {@code summary.yaml} written. */
    COMPLETED,
    /** {@code --time} ran out; the experiment can be resumed. */
    TIME_UP,
    /** The caller cancelled; {@code summary.yaml} says Cancelled. */
    CANCELLED,
    /** Training failed; {@code error.yaml} holds the stack trace. */
    FAILED,
    /** The config or its data could not be used; nothing was trained. */
    INVALID
  }

  public FitResult {
    diagnostics = List.copyOf(diagnostics);
  }

  static FitResult of(Outcome outcome) {
    return new FitResult(outcome, List.of(), null);
  }

  public boolean isFailure() {
    return outcome == Outcome.FAILED || outcome == Outcome.INVALID;
  }
}
