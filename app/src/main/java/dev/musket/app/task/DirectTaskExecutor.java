package dev.musket.app.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs everything on the caller's thread, at once: background work, UI callbacks and delays. Timed
 * repeats do not run by themselves; {@link #tick()} runs each live one once. For view-model tests,
 * where it makes every outcome deterministic and needs no JavaFX toolkit.
 */
public final class DirectTaskExecutor implements TaskExecutor {

  private final ObservableList<TaskHandle> active = FXCollections.observableArrayList();
  private final List<Runnable> repeating = new ArrayList<>();

  @Override
  public <T> TaskHandle submit(
      String title,
      BackgroundWork<T> work,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    TaskState state = new TaskState(title);
    active.add(state);
    T result;
    try {
      result =
          work.run(
              new TaskContext() {
                @Override
                public boolean isCancelled() {
                  return state.isCancelled();
                }

                @Override
                public void progress(double fraction, String message) {
                  state.show(fraction, message);
                }
              });
    } catch (Exception | Error e) {
      active.remove(state);
      if (!state.isCancelled()) {
        onFailure.accept(e);
      }
      return state;
    }
    active.remove(state);
    if (!state.isCancelled()) {
      onSuccess.accept(result);
    }
    return state;
  }

  @Override
  public void onUi(Runnable action) {
    action.run();
  }

  @Override
  public Cancellable later(Duration delay, Runnable action) {
    action.run();
    return () -> {};
  }

  @Override
  public Cancellable every(Duration period, Runnable action) {
    repeating.add(action);
    return () -> repeating.remove(action);
  }

  /** Runs every live repeating action once, as if its period had passed. */
  public void tick() {
    List.copyOf(repeating).forEach(Runnable::run);
  }

  @Override
  public ObservableList<TaskHandle> activeTasks() {
    return active;
  }
}
