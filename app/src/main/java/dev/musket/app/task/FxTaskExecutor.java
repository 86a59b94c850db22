package dev.musket.app.task;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's executor: background work on daemon threads (a cached pool, so a long training
 * run never starves a preview), results and progress delivered with {@link Platform#runLater}.
 * Progress updates are coalesced: however often work reports, at most one update per task waits in
 * the FX queue, so a chatty task cannot flood the FX thread. Once closed, repeating actions stop
 * and new work is dropped (the app is going away).
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

  private final ExecutorService pool = Executors.newCachedThreadPool(new DaemonThreads());
  private final ObservableList<TaskHandle> active = FXCollections.observableArrayList();
  private final java.util.Set<Timeline> repeating =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Override
  public <T> TaskHandle submit(
      String title,
      BackgroundWork<T> work,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    TaskState state = new TaskState(title);
    runOnFx(() -> active.add(state));
    CoalescedProgress progress = new CoalescedProgress(state);
    if (pool.isShutdown()) {
      // the app is closing: a timer that fired one last time must not throw
      LOG.debug("task '{}' dropped: the executor is closed", title);
      runOnFx(() -> active.remove(state));
      state.cancel();
      return state;
    }
    pool.execute(
        () -> {
          try {
            T result =
                work.run(
                    new TaskContext() {
                      @Override
                      public boolean isCancelled() {
                        return state.isCancelled();
                      }

                      @Override
                      public void progress(double fraction, String message) {
                        progress.post(fraction, message);
                      }
                    });
            Platform.runLater(
                () -> {
                  active.remove(state);
                  if (!state.isCancelled()) {
                    onSuccess.accept(result);
                  }
                });
          } catch (Exception | Error e) {
            if (!state.isCancelled()) {
              LOG.debug("task '{}' failed", title, e);
            }
            Platform.runLater(
                () -> {
                  active.remove(state);
                  if (!state.isCancelled()) {
                    onFailure.accept(e);
                  }
                });
          }
        });
    return state;
  }

  @Override
  public void onUi(Runnable action) {
    runOnFx(action);
  }

  @Override
  public Cancellable later(Duration delay, Runnable action) {
    AtomicReference<PauseTransition> pause = new AtomicReference<>();
    runOnFx(
        () -> {
          PauseTransition p = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
          p.setOnFinished(e -> action.run());
          pause.set(p);
          p.play();
        });
    return () ->
        runOnFx(
            () -> {
              if (pause.get() != null) {
                pause.get().stop();
              }
            });
  }

  @Override
  public Cancellable every(Duration period, Runnable action) {
    AtomicReference<Timeline> timeline = new AtomicReference<>();
    runOnFx(
        () -> {
          Timeline t =
              new Timeline(
                  new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> action.run()));
          t.setCycleCount(Timeline.INDEFINITE);
          timeline.set(t);
          repeating.add(t);
          t.play();
        });
    return () ->
        runOnFx(
            () -> {
              if (timeline.get() != null) {
                timeline.get().stop();
                repeating.remove(timeline.get());
              }
            });
  }

  @Override
  public ObservableList<TaskHandle> activeTasks() {
    return active;
  }

  /** Stops taking work; running tasks are interrupted (the app is closing). */
  @Override
  public void close() {
    pool.shutdownNow();
    runOnFx(
        () -> {
          repeating.forEach(Timeline::stop);
          repeating.clear();
        });
  }

  private static void runOnFx(Runnable action) {
    if (Platform.isFxApplicationThread()) {
      action.run();
    } else {
      Platform.runLater(action);
    }
  }

  /** Keeps at most one pending progress update per task in the FX queue. */
  private static final class CoalescedProgress {
    private final TaskState state;
    private final AtomicReference<Object[]> latest = new AtomicReference<>();

    CoalescedProgress(TaskState state) {
      this.state = state;
    }

    void post(double fraction, String message) {
      if (latest.getAndSet(new Object[] {fraction, message}) == null) {
        Platform.runLater(
            () -> {
              Object[] update = latest.getAndSet(null);
              state.show((Double) update[0], (String) update[1]);
            });
      }
    }
  }

  private static final class DaemonThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable work) {
      Thread thread = new Thread(work, "workbench-task-" + count.incrementAndGet());
      thread.setDaemon(true);
      // below the FX thread, so a busy background never makes the window stutter
      thread.setPriority(Thread.NORM_PRIORITY - 1);
      return thread;
    }
  }
}
