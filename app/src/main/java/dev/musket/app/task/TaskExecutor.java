package dev.musket.app.task;

import java.time.Duration;
import java.util.function.Consumer;
import javafx.collections.ObservableList;

/**
 * The one way the workbench runs work off the FX thread and comes back to it.
 *
 * <p>Why a seam: the UI must never freeze, so engine calls (loading configs, decoding images,
 * training) run in the background, and results must come back on the FX thread. Routing all of it
 * through this interface lets view-models be tested with {@link DirectTaskExecutor}, which runs
 * everything on the caller's thread, deterministically and without a toolkit.
 */
public interface TaskExecutor {

  /**
   * Runs {@code work} in the background. Exactly one of {@code onSuccess} or {@code onFailure} is
   * later called on the FX thread, unless the task was cancelled first (then neither is).
   */
  <T> TaskHandle submit(
      String title,
      BackgroundWork<T> work,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure);

  /** Runs {@code action} on the FX thread (soon, if the caller is on another thread). */
  void onUi(Runnable action);

  /** Runs {@code action} once on the FX thread after {@code delay}, unless cancelled before. */
  Cancellable later(Duration delay, Runnable action);

  /**
   * Runs {@code action} on the FX thread every {@code period} until cancelled. Used to drain
   * buffers (training metrics) at a steady rate instead of once per event.
   */
  Cancellable every(Duration period, Runnable action);

  /** The tasks submitted and not yet finished, in order of submission; changed on the FX thread. */
  ObservableList<TaskHandle> activeTasks();

  /** Something scheduled that can be called off. */
  @FunctionalInterface
  interface Cancellable {
    void cancel();
  }
}
