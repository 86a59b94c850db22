package dev.musket.app.shell;

import dev.musket.app.task.TaskExecutor;
import dev.musket.app.task.TaskHandle;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;

/**
 * The status bar's state: the current background task (the oldest still running, shown once it has
 * run for {@link #SHOW_AFTER}) with its progress, the JVM heap in use against its maximum
 * (refreshed every second), and the compute backend ("CPU" or the GPU), asked once in the
 * background because it loads ND4J.
 */
public final class StatusBarViewModel {

  /** A source of heap numbers, so tests need not depend on the real JVM's. */
  interface Heap {
    long used();

    long max();
  }

  private static final Heap JVM_HEAP =
      new Heap() {
        @Override
        public long used() {
          Runtime r = Runtime.getRuntime();
          return r.totalMemory() - r.freeMemory();
        }

        @Override
        public long max() {
          return Runtime.getRuntime().maxMemory();
        }
      };

  static final Duration SHOW_AFTER = Duration.ofMillis(400);

  private final TaskExecutor executor;
  private final Heap heap;
  private final ReadOnlyStringWrapper task = new ReadOnlyStringWrapper(this, "task", "");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper(this, "memory", "");
  private final ReadOnlyStringWrapper backend = new ReadOnlyStringWrapper(this, "backend", "…");
  private final ChangeListener<Object> followTask = (obs, old, now) -> showTask();
  private final TaskExecutor.Cancellable memoryPoll;
  private TaskHandle shown;

  public StatusBarViewModel(TaskExecutor executor, Supplier<String> backendProbe) {
    this(executor, backendProbe, JVM_HEAP);
  }

  StatusBarViewModel(TaskExecutor executor, Supplier<String> backendProbe, Heap heap) {
    this.executor = executor;
    this.heap = heap;
    executor
        .activeTasks()
        .addListener(
            (ListChangeListener<TaskHandle>)
                c -> {
                  if (executor.activeTasks().isEmpty()) {
                    showTask();
                  } else {
                    // a task is shown once it has run a moment: the explorer's quick rescans and
                    // file reads would otherwise make the status bar flicker
                    executor.later(SHOW_AFTER, this::showTask);
                  }
                });
    memoryPoll = executor.every(Duration.ofSeconds(1), this::refreshMemory);
    refreshMemory();
    executor.submit(
        "Detecting the compute backend",
        ctx -> backendProbe.get(),
        backend::set,
        failure -> backend.set("CPU (backend unknown: " + failure.getMessage() + ")"));
    showTask();
  }

  /** "Scanning flowers — 3/10 files", or empty when idle. */
  public ReadOnlyStringProperty taskProperty() {
    return task.getReadOnlyProperty();
  }

  /** The current task's progress in [0, 1], or -1 when unknown. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** "512 MiB of 4096 MiB". */
  public ReadOnlyStringProperty memoryProperty() {
    return memory.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty backendProperty() {
    return backend.getReadOnlyProperty();
  }

  /** Stops the memory refresh (the window closed). */
  public void dispose() {
    memoryPoll.cancel();
  }

  void refreshMemory() {
    memory.set(format(heap.used(), heap.max()));
  }

  static String format(long used, long max) {
    long mib = 1024 * 1024;
    return String.format(Locale.ROOT, "%d MiB of %d MiB", used / mib, max / mib);
  }

  private void showTask() {
    if (shown != null) {
      shown.messageProperty().removeListener(followTask);
      shown.progressProperty().removeListener(followTask);
    }
    var tasks = executor.activeTasks();
    shown = tasks.isEmpty() ? null : tasks.get(0);
    if (shown == null) {
      task.set("");
      progress.set(-1);
      busy.set(false);
      return;
    }
    shown.messageProperty().addListener(followTask);
    shown.progressProperty().addListener(followTask);
    String more = tasks.size() > 1 ? " (+" + (tasks.size() - 1) + " more)" : "";
    String message = shown.messageProperty().get();
    task.set(
        shown.title() + (message == null || message.isEmpty() ? "" : " \u2014 " + message) + more);
    progress.set(shown.progressProperty().get());
    busy.set(true);
  }
}
