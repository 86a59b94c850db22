package dev.musket.app.data;

import dev.musket.app.task.BackgroundWork;
import dev.musket.app.task.TaskContext;
import dev.musket.app.task.TaskExecutor;
import dev.musket.app.task.TaskHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An executor whose delays and background work wait in a queue until the test runs them, so a test
 * can interleave requests and completions the way a real, slower machine would.
 */
final class ManualExecutor implements TaskExecutor {

  private final Deque<Runnable> queue = new ArrayDeque<>();

  @Override
  public <T> TaskHandle submit(
      String title,
      BackgroundWork<T> work,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    Handle handle = new Handle(title);
    queue.add(
        () -> {
          T result;
          try {
            result = work.run(handle);
          } catch (Exception e) {
            if (!handle.cancelled) {
              onFailure.accept(e);
            }
            return;
          }
          if (!handle.cancelled) {
            onSuccess.accept(result);
          }
        });
    return handle;
  }

  @Override
  public void onUi(Runnable action) {
    queue.add(action);
  }

  @Override
  public Cancellable later(Duration delay, Runnable action) {
    boolean[] cancelled = {false};
    queue.add(
        () -> {
          if (!cancelled[0]) {
            action.run();
          }
        });
    return () -> cancelled[0] = true;
  }

  @Override
  public Cancellable every(Duration period, Runnable action) {
    return () -> {};
  }

  @Override
  public ObservableList<TaskHandle> activeTasks() {
    return FXCollections.observableArrayList();
  }

  /** Runs the oldest queued step; false when none is left. */
  boolean runNext() {
    Runnable next = queue.poll();
    if (next == null) {
      return false;
    }
    next.run();
    return true;
  }

  void runAll() {
    while (runNext()) {
      // each step may queue more
    }
  }

  private static final class Handle implements TaskHandle, TaskContext {
    private final String title;
    private volatile boolean cancelled;

    Handle(String title) {
      this.title = title;
    }

    @Override
    public String title() {
      return title;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
      return new ReadOnlyDoubleWrapper(-1).getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
      return new ReadOnlyStringWrapper("").getReadOnlyProperty();
    }

    @Override
    public void progress(double fraction, String message) {}
  }
}
