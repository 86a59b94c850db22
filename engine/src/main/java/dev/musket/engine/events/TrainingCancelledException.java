package dev.musket.engine.events;

/**
 * Unwinds a training loop after its {@link CancellationToken} was tripped, so the runner can tell a
 * cancellation (mark the experiment cancelled) from a failure (write {@code error.yaml}).
 */
public final class TrainingCancelledException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TrainingCancelledException(String reason) {
    super(reason);
  }
}
