package dev.musket.app.training;

import dev.musket.app.state.LogLine;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.TaskExecutor;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.events.TrainingListeners;
import dev.musket.engine.train.FitOptions;
import dev.musket.engine.train.FitResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The training queue: experiments wait their turn and train one at a time in the background, each
 * through {@link TaskExecutor#submit} (the fit blocks its background thread, which is what it is
 * for). A run can be cancelled while queued (it never starts) or while running (its {@code
 * CancellationToken} stops it within one batch and the engine marks it cancelled).
 *
 * <p>Events reach the FX thread coalesced: the training thread only appends to the run's {@code
 * MetricsBuffer}; a ~10 Hz pulse drains it, updates the run's progress once and hands the batch to
 * the subscribers (the live charts). So a fast network's hundreds of batches per second cost the FX
 * thread one small update per pulse and never slow training down.
 *
 * <p>Keeps {@link WorkbenchState#runningExperiments()} to the experiment being trained, logs start,
 * end and failure to the console, and calls {@link WorkbenchState#experimentsChanged()} when a run
 * ends so the explorer and the experiments table reload.
 */
public final class TrainingQueueViewModel {

  /** How often the FX thread drains the running experiment's events. */
  static final Duration PULSE = Duration.ofMillis(100);

  private static final String SOURCE = "training";

  private final WorkbenchState state;
  private final TaskExecutor executor;
  private final FitLauncher launcher;

  /** Reports status changes as list updates, so bindings over the runs follow them. */
  private final ObservableList<TrainingRun> runs =
      FXCollections.observableArrayList(run -> new Observable[] {run.statusProperty()});

  private final ReadOnlyObjectWrapper<TrainingRun> current =
      new ReadOnlyObjectWrapper<>(this, "current");
  private final List<Consumer<List<TrainingEvent>>> subscribers = new CopyOnWriteArrayList<>();
  private final BooleanBinding canCancel;
  private TaskExecutor.Cancellable pulse;

  public TrainingQueueViewModel(WorkbenchState state, TaskExecutor executor, FitLauncher launcher) {
    this.state = state;
    this.executor = executor;
    this.launcher = launcher;
    this.canCancel =
        Bindings.createBooleanBinding(
            () -> runs.stream().anyMatch(r -> !r.status().isFinal()), runs);
  }

  /** Every run of this session, oldest first: queued, running and finished ones. */
  public ObservableList<TrainingRun> runs() {
    return runs;
  }

  /** The run training now, or null. */
  public ReadOnlyObjectProperty<TrainingRun> currentProperty() {
    return current.getReadOnlyProperty();
  }

  /** True while something is queued or running: enables "run.cancel". */
  public BooleanBinding canCancelProperty() {
    return canCancel;
  }

  /** Receives each drained batch of events (all runs), on the FX thread, in order. */
  public void subscribe(Consumer<List<TrainingEvent>> subscriber) {
    subscribers.add(subscriber);
  }

  /** Queues one experiment folder (under the open project's {@code experiments/}). */
  public TrainingRun enqueue(Path experimentDir, FitOptions options) {
    return enqueue(List.of(experimentDir), options).get(0);
  }

  /**
   * Queues several experiments with the same options, in the given order, and starts the first if
   * nothing is training.
   *
   * @throws IllegalArgumentException when no project is open or a folder is not one of its
   *     experiments (nothing is queued then)
   */
  public List<TrainingRun> enqueue(List<Path> experimentDirs, FitOptions options) {
    Path project = state.project();
    if (project == null) {
      throw new IllegalArgumentException("Open a project before launching a training run");
    }
    List<TrainingRun> added = new ArrayList<>();
    for (Path dir : experimentDirs) {
      added.add(new TrainingRun(project, dir, nameOf(project, dir), options));
    }
    for (TrainingRun run : added) {
      runs.add(run);
      if (current.get() != null || added.size() > 1) {
        state.info(SOURCE, run.name() + ": queued");
      }
    }
    startNextIfIdle();
    return added;
  }

  /** The experiment's name as Musket gives it: its folder's path under {@code experiments/}. */
  static String nameOf(Path project, Path experimentDir) {
    Path root = project.resolve("experiments").toAbsolutePath().normalize();
    Path dir = experimentDir.toAbsolutePath().normalize();
    if (!dir.startsWith(root) || dir.equals(root)) {
      throw new IllegalArgumentException(
          experimentDir + " is not an experiment of this project (not under " + root + ")");
    }
    return root.relativize(dir).toString().replace('\\', '/');
  }

  /** Cancels a queued run (it never starts) or the running one (it stops within a batch). */
  public void cancel(TrainingRun run) {
    if (run.status() == RunStatus.QUEUED) {
      run.setStatus(RunStatus.CANCELLED);
      run.setMessage("cancelled before it started");
      state.info(SOURCE, run.name() + ": removed from the queue");
    } else if (run.status() == RunStatus.RUNNING && !run.token().isCancelled()) {
      run.token().cancel("cancelled by the user");
      run.setMessage("cancelling\u2026");
      state.info(SOURCE, run.name() + ": cancelling");
    }
  }

  /** Cancels the running run and everything queued: the "run.cancel" action. */
  public void cancelAll() {
    for (TrainingRun run : List.copyOf(runs)) {
      if (run.status() == RunStatus.QUEUED) {
        cancel(run);
      }
    }
    TrainingRun running = current.get();
    if (running != null) {
      cancel(running);
    }
  }

  /** Drops finished runs from the list. */
  public void clearFinished() {
    runs.removeIf(r -> r.status().isFinal());
  }

  private void startNextIfIdle() {
    if (current.get() != null) {
      return;
    }
    TrainingRun next =
        runs.stream().filter(r -> r.status() == RunStatus.QUEUED).findFirst().orElse(null);
    if (next == null) {
      stopPulse();
      return;
    }
    start(next);
  }

  private void start(TrainingRun run) {
    current.set(run);
    run.setStatus(RunStatus.RUNNING);
    run.showProgress();
    state.runningExperiments().add(run.experimentDir());
    state.info(SOURCE, run.name() + ": training started" + describe(run.options()));
    if (pulse == null) {
      pulse = executor.every(PULSE, this::drain);
    }
    executor.submit(
        "Training " + run.name(),
        context -> {
          // the training thread's own tracker: the status bar's progress (the executor coalesces
          // it), while the run's properties follow the drained events on the FX thread
          RunProgress task = new RunProgress();
          FitResult result;
          try {
            result =
                launcher.fit(
                    run.project(),
                    run.name(),
                    run.options(),
                    TrainingListeners.of(
                        run.buffer(),
                        event -> {
                          // a cancel from the task list (status bar) stops the run as ours does
                          if (context.isCancelled()) {
                            run.token().cancel("cancelled from the task list");
                          }
                          task.accept(event);
                          context.progress(task.fraction(), task.describe());
                        }),
                    run.token());
          } catch (Exception | Error e) {
            executor.onUi(() -> fail(run, e));
            return null;
          }
          // delivered here, not through onSuccess: the executor drops the result of a task
          // cancelled from the task list, and the queue must still hear how the run ended
          executor.onUi(() -> finish(run, result));
          return result;
        },
        result -> {},
        error -> {});
  }

  /** One pulse: drains the running experiment's events and passes them on in one batch. */
  private void drain() {
    TrainingRun run = current.get();
    if (run != null) {
      drain(run);
    }
  }

  private void drain(TrainingRun run) {
    List<TrainingEvent> events = run.buffer().drain();
    if (events.isEmpty()) {
      return;
    }
    events.forEach(run.tracker()::accept);
    for (TrainingEvent e : events) {
      if (e instanceof TrainingEvent.Notice notice) {
        state.log(LogLine.Level.WARN, SOURCE, run.name() + ": " + notice.message());
      }
    }
    run.showProgress();
    for (Consumer<List<TrainingEvent>> s : subscribers) {
      s.accept(events);
    }
  }

  private void finish(TrainingRun run, FitResult result) {
    if (run.status().isFinal()) {
      return;
    }
    drain(run);
    switch (result.outcome()) {
      case COMPLETED -> {
        run.setStatus(RunStatus.COMPLETED);
        state.info(SOURCE, run.name() + ": completed");
      }
      case TIME_UP -> {
        run.setStatus(RunStatus.TIME_UP);
        run.setMessage("time limit reached; launch again with \u201callow resume\u201d to go on");
        state.info(SOURCE, run.name() + ": time limit reached; resumable");
      }
      case CANCELLED -> {
        run.setStatus(RunStatus.CANCELLED);
        run.setMessage(String.valueOf(run.token().reason()));
        state.info(SOURCE, run.name() + ": cancelled");
      }
      case FAILED, INVALID -> {
        String why = failureMessage(result);
        run.setStatus(RunStatus.FAILED);
        run.setMessage(why);
        state.error(SOURCE, run.name() + ": failed: " + why);
      }
    }
    ended(run);
  }

  private void fail(TrainingRun run, Throwable error) {
    if (run.status().isFinal()) {
      return;
    }
    drain(run);
    run.setStatus(RunStatus.FAILED);
    run.setMessage(String.valueOf(error));
    state.error(SOURCE, run.name() + ": failed: " + error);
    ended(run);
  }

  private void ended(TrainingRun run) {
    state.runningExperiments().remove(run.experimentDir());
    current.set(null);
    state.experimentsChanged();
    startNextIfIdle();
  }

  private void stopPulse() {
    if (pulse != null) {
      pulse.cancel();
      pulse = null;
    }
  }

  static String failureMessage(FitResult result) {
    List<String> parts = new ArrayList<>();
    if (result.error() != null) {
      parts.add(result.error());
    }
    parts.addAll(
        result.diagnostics().stream()
            .filter(Diagnostic::isError)
            .limit(5)
            .map(Diagnostic::format)
            .collect(Collectors.toList()));
    return parts.isEmpty() ? "the data could not be used" : String.join("; ", parts);
  }

  private static String describe(FitOptions o) {
    List<String> parts = new ArrayList<>();
    parts.add(o.folds().isEmpty() ? "all folds" : "folds " + o.folds());
    if (o.allowResume()) {
      parts.add("allow resume");
    }
    if (o.onlyReport()) {
      parts.add("only report");
    }
    parts.add(o.loaderThreads() + " workers");
    if (!o.gpus().isEmpty()) {
      parts.add(o.gpus().describe());
    }
    if (o.timeLimit() != null) {
      parts.add("time limit " + o.timeLimit().toSeconds() + " s");
    }
    return " (" + String.join(", ", parts) + ")";
  }
}
