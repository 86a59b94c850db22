package dev.musket.app.task;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Latest request wins, after a quiet period: for previews that follow typing. Each {@link #request}
 * cancels the one before it (whether still waiting out the debounce or already running), so only
 * the newest result is ever delivered and stale work stops early.
 */
public final class LatestRequest<T> {

  private final TaskExecutor executor;
  private final String title;
  private final Duration debounce;
  private TaskExecutor.Cancellable pending = () -> {};
  private TaskHandle running;

  public LatestRequest(TaskExecutor executor, String title, Duration debounce) {
    this.executor = executor;
    this.title = title;
    this.debounce = debounce;
  }

  /** Call on the FX thread. */
  public void request(
      BackgroundWork<T> work,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    cancel();
    pending =
        executor.later(
            debounce, () -> running = executor.submit(title, work, onSuccess, onFailure));
  }

  /** Calls off whatever is waiting or running. */
  public void cancel() {
    pending.cancel();
    if (running != null) {
      running.cancel();
      running = null;
    }
  }
}
