package dev.musket.engine.events;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets a caller (the workbench's Stop button, the CLI's Ctrl+C, {@code --time}) ask a running
 * training to stop.
 *
 * <p>Why a token and not {@link Thread#interrupt()}: interrupts are swallowed by native code and
 * I/O, while the trainer checks this token after every batch, so training stops within one batch
 * and the experiment can be marked cancelled cleanly. Tripping it is thread-safe and idempotent;
 * the first reason given is kept.
 */
public final class CancellationToken {

  private final AtomicReference<String> reason = new AtomicReference<>();

  /** Asks the training to stop; later calls keep the first reason. */
  public void cancel(String why) {
    reason.compareAndSet(null, why == null ? "cancelled" : why);
  }

  public void cancel() {
    cancel("cancelled by the user");
  }

  public boolean isCancelled() {
    return reason.get() != null;
  }

  /** Why it was cancelled, or {@code null} while it was not. */
  public String reason() {
    return reason.get();
  }

  /** For loops that unwind by exception: throws when the token has been tripped. */
  public void throwIfCancelled() {
    String why = reason.get();
    if (why != null) {
      throw new TrainingCancelledException(why);
    }
  }
}
