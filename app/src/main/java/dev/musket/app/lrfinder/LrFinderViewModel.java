package dev.musket.app.lrfinder;

import dev.musket.app.state.OpenConfig;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.TaskExecutor;
import dev.musket.app.task.TaskHandle;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.train.lrfinder.LrFinderListener;
import dev.musket.engine.train.lrfinder.LrFinderPoint;
import dev.musket.engine.train.lrfinder.LrFinderResult;
import dev.musket.engine.train.lrfinder.LrFinderSettings;
import dev.musket.engine.train.lrfinder.LrSuggestion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The LR finder screen's state and commands: run the finder for the active editor's experiment (its
 * current text, saved or not), follow its points, show the suggestion, and write the suggested lr
 * into the editor.
 *
 * <p>Points arrive on the training thread once per batch; they are queued and appended to {@link
 * #points()} in one go on a ~10 Hz pulse, so a fast sweep never floods the FX thread.
 */
public final class LrFinderViewModel {

  static final String SOURCE = "LR finder";
  static final Duration PULSE = Duration.ofMillis(100);

  private final WorkbenchState state;
  private final TaskExecutor executor;
  private final LrFinderEngine engine;

  private final StringProperty startLr = new SimpleStringProperty(this, "startLr", "1e-7");
  private final StringProperty endLr = new SimpleStringProperty(this, "endLr", "10");
  private final IntegerProperty epochs =
      new SimpleIntegerProperty(this, "epochs", LrFinderSettings.DEFAULT_EPOCHS);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
  private final ReadOnlyObjectWrapper<LrSuggestion> suggestion =
      new ReadOnlyObjectWrapper<>(this, "suggestion");
  private final ObservableList<LrFinderPoint> points = FXCollections.observableArrayList();
  private final ObservableList<LrFinderPoint> readOnlyPoints =
      FXCollections.unmodifiableObservableList(points);
  private final BooleanBinding canRun;
  private final BooleanBinding canApply;
  private Run current;

  public LrFinderViewModel(WorkbenchState state, TaskExecutor executor) {
    this(state, executor, LrFinderEngine.standard());
  }

  public LrFinderViewModel(WorkbenchState state, TaskExecutor executor, LrFinderEngine engine) {
    this.state = state;
    this.executor = executor;
    this.engine = engine;
    canRun =
        Bindings.createBooleanBinding(
            () ->
                !running.get()
                    && state.project() != null
                    && state.activeConfigProperty().get() != null,
            running,
            state.projectProperty(),
            state.activeConfigProperty());
    canApply =
        Bindings.createBooleanBinding(
            () -> suggestion.get() != null && state.activeConfigProperty().get() != null,
            suggestion,
            state.activeConfigProperty());
  }

  /** One sweep: its own queue and token, so a cancelled run's late points go nowhere. */
  private final class Run implements LrFinderListener {
    final ConcurrentLinkedQueue<LrFinderPoint> queue = new ConcurrentLinkedQueue<>();
    final CancellationToken token = new CancellationToken();
    final AtomicInteger planned = new AtomicInteger();
    final int epochs;
    TaskExecutor.Cancellable pulse = () -> {};
    TaskHandle handle;

    Run(int epochs) {
      this.epochs = epochs;
    }

    @Override
    public void onStart(int plannedBatches) {
      planned.set(plannedBatches);
    }

    @Override
    public void onPoint(LrFinderPoint point) {
      queue.add(point);
    }
  }

  /** Starts the finder for the active config's experiment. */
  public void run() {
    if (!canRun.get()) {
      return;
    }
    OpenConfig config = state.activeConfigProperty().get();
    Path project = state.project();
    LrFinderSettings settings;
    try {
      settings =
          LrFinderSettings.of(
              parse("start lr", startLr.get()), parse("end lr", endLr.get()), epochs.get());
    } catch (IllegalArgumentException e) {
      showError(e.getMessage());
      return;
    }
    Path file = config.file();
    if (!isExperimentConfig(project, file)) {
      showError(
          "The LR finder runs an experiment: open its experiments/<name>/config.yaml in the editor"
              + " (the active one is "
              + file
              + ")");
      return;
    }
    String text = config.text().getValue();
    points.clear();
    suggestion.set(null);
    progress.set(0);
    failed.set(false);
    running.set(true);
    status.set("Running the LR finder on " + file + " ...");
    Run run = new Run(settings.epochs());
    current = run;
    run.pulse = executor.every(PULSE, () -> drain(run));
    run.handle =
        executor.submit(
            "LR finder: " + experimentName(project, file),
            context ->
                engine.run(
                    project,
                    file,
                    text,
                    settings,
                    new LrFinderListener() {
                      @Override
                      public void onStart(int plannedBatches) {
                        run.onStart(plannedBatches);
                      }

                      @Override
                      public void onPoint(LrFinderPoint point) {
                        run.onPoint(point);
                        if (context.isCancelled()) {
                          run.token.cancel();
                        }
                        int total = Math.max(1, run.planned.get());
                        context.progress(
                            Math.min(1, (point.batch() + 1) / (double) total),
                            "lr " + LrConfigEdit.format(point.lr()));
                      }
                    },
                    run.token),
            result -> finish(run, result),
            error -> fail(run, error));
  }

  /** Stops the running finder within a batch; what it found so far stays on screen. */
  public void cancel() {
    Run run = current;
    if (run == null) {
      return;
    }
    run.token.cancel();
    if (run.handle != null) {
      run.handle.cancel();
    }
    end(run);
    status.set("Cancelled after " + points.size() + " batches");
  }

  /** Writes the suggested lr into the active editor as one undoable edit. */
  public void applyToConfig() {
    LrSuggestion s = suggestion.get();
    OpenConfig config = state.activeConfigProperty().get();
    if (s == null || config == null) {
      return;
    }
    try {
      LrConfigEdit.Edit edit = LrConfigEdit.setLr(config.text().getValue(), s.lr());
      config.replace(edit.start(), edit.end(), edit.replacement());
      status.set("lr: " + LrConfigEdit.format(s.lr()) + " written into " + config.file());
      state.info(SOURCE, status.get());
    } catch (IllegalArgumentException e) {
      showError(e.getMessage());
    }
  }

  private void drain(Run run) {
    if (run != current) {
      return;
    }
    if (run.handle != null && run.handle.isCancelled() && running.get()) {
      run.token.cancel(); // cancelled from elsewhere (the status bar): stop training too
      end(run);
      status.set("Cancelled after " + points.size() + " batches");
      return;
    }
    List<LrFinderPoint> batch = new ArrayList<>();
    LrFinderPoint p;
    while ((p = run.queue.poll()) != null) {
      batch.add(p);
    }
    if (!batch.isEmpty()) {
      points.addAll(batch);
      int total = Math.max(1, run.planned.get());
      progress.set(Math.min(1, points.size() / (double) total));
    }
  }

  private void finish(Run run, LrFinderResult result) {
    if (run != current) {
      return;
    }
    end(run);
    progress.set(1);
    suggestion.set(result.suggestion().orElse(null));
    String outcome =
        result.points().size()
            + " batches, stopped because "
            + result.ending().describe()
            + result.shortSweepHint(run.epochs).map(h -> "; " + h).orElse("");
    status.set(
        result
            .suggestion()
            .map(
                s ->
                    "Suggested lr "
                        + LrConfigEdit.format(s.lr())
                        + " (range "
                        + LrConfigEdit.format(s.rangeLow())
                        + " to "
                        + LrConfigEdit.format(s.rangeHigh())
                        + "); "
                        + outcome)
            .orElse("No suggestion: the loss never fell; try a lower start lr; " + outcome));
    state.info(SOURCE, status.get());
  }

  private void fail(Run run, Throwable error) {
    if (run != current) {
      return;
    }
    end(run);
    showError(error.getMessage() == null ? error.toString() : error.getMessage());
  }

  /** Stops the pulse after handing over every point that arrived. */
  private void end(Run run) {
    drain(run);
    run.pulse.cancel();
    current = null;
    running.set(false);
  }

  private void showError(String message) {
    failed.set(true);
    status.set(message);
    state.error(SOURCE, message);
  }

  private static double parse(String what, String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException(
          what + " must be a number such as 1e-7, got '" + text + "'");
    }
  }

  private static boolean isExperimentConfig(Path project, Path file) {
    return file != null
        && file.getFileName().toString().equals("config.yaml")
        && file.toAbsolutePath().startsWith(project.toAbsolutePath().resolve("experiments"));
  }

  private static String experimentName(Path project, Path file) {
    Path experiments = project.resolve("experiments");
    Path dir = file.getParent();
    return dir != null && dir.startsWith(experiments)
        ? experiments.relativize(dir).toString().replace('\\', '/')
        : String.valueOf(file.getFileName());
  }

  public StringProperty startLrProperty() {
    return startLr;
  }

  public StringProperty endLrProperty() {
    return endLr;
  }

  public IntegerProperty epochsProperty() {
    return epochs;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** The share of the planned batches done, in [0, 1]. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /**
   * The last thing that happened, in a sentence (an error message when {@link #failedProperty}).
   */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty failedProperty() {
    return failed.getReadOnlyProperty();
  }

  /** The finished run's suggestion, or null (running, never run, or the loss never fell). */
  public ReadOnlyObjectProperty<LrSuggestion> suggestionProperty() {
    return suggestion.getReadOnlyProperty();
  }

  /** The sweep's points so far, appended in batches on the FX thread. */
  public ObservableList<LrFinderPoint> points() {
    return readOnlyPoints;
  }

  public BooleanBinding canRunProperty() {
    return canRun;
  }

  public BooleanBinding canApplyProperty() {
    return canApply;
  }
}
