package dev.musket.app.training;

import dev.musket.app.state.OpenConfig;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.TaskExecutor;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.experiment.ExperimentFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.stage.Window;

/**
 * The training feature as the shell sees it: the queue and chart view-models wired together (the
 * queue's drained events feed the charts), their views, and the two commands for the actions
 * registry — launch ({@link #openLaunchDialog}) and cancel ({@link
 * TrainingQueueViewModel#cancelAll}).
 */
public final class TrainingFeature {

  private final WorkbenchState state;
  private final TaskExecutor executor;
  private final TrainingQueueViewModel queue;
  private final TrainingChartViewModel charts;
  private final ObjectBinding<Path> launchTarget;
  private final BooleanBinding canLaunch;
  private TrainingQueueView queueView;
  private TrainingChartView chartView;

  /** With the real engine. */
  public TrainingFeature(WorkbenchState state, TaskExecutor executor) {
    this(state, executor, new EngineFitLauncher());
  }

  public TrainingFeature(WorkbenchState state, TaskExecutor executor, FitLauncher launcher) {
    this.state = state;
    this.executor = executor;
    this.queue = new TrainingQueueViewModel(state, executor, launcher);
    this.charts = new TrainingChartViewModel(state, executor);
    queue.subscribe(charts::accept);
    this.launchTarget =
        Bindings.createObjectBinding(
            this::target,
            state.projectProperty(),
            state.selectedExperimentProperty(),
            state.activeConfigProperty());
    this.canLaunch = Bindings.createBooleanBinding(() -> launchTarget.get() != null, launchTarget);
  }

  public TrainingQueueViewModel queue() {
    return queue;
  }

  public TrainingChartViewModel charts() {
    return charts;
  }

  public TrainingQueueView queueView() {
    if (queueView == null) {
      queueView = new TrainingQueueView(queue);
    }
    return queueView;
  }

  public TrainingChartView chartView() {
    if (chartView == null) {
      chartView = new TrainingChartView(charts);
    }
    return chartView;
  }

  /**
   * The experiment "run.fit" launches: the selected experiment, else the one whose config is in the
   * active editor; null when neither (the action is disabled then).
   */
  public ObjectBinding<Path> launchTargetProperty() {
    return launchTarget;
  }

  public BooleanBinding canLaunchProperty() {
    return canLaunch;
  }

  /**
   * Opens the launch dialog for {@link #launchTargetProperty()} and queues the experiment when the
   * user confirms. The config is read in the background first, for its number of folds.
   */
  public void openLaunchDialog(Window owner) {
    Path target = launchTarget.get();
    if (target == null) {
      state.error("training", "Select an experiment to launch");
      return;
    }
    String name = TrainingQueueViewModel.nameOf(state.project(), target);
    String editorText = editorTextOf(target);
    executor.submit(
        "Reading " + name,
        context -> new Prepared(foldCount(target), unsavedNotice(target, editorText)),
        prepared -> {
          LaunchOptionsViewModel form = new LaunchOptionsViewModel(name, prepared.folds());
          form.setNotice(prepared.notice());
          LaunchDialog dialog = new LaunchDialog(form);
          if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
              // a dialog is a scene of its own: give it the window's theme
              dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            }
          }
          dialog
              .showAndWait()
              .ifPresent(
                  options -> {
                    queue.enqueue(target, options);
                    charts.show(target);
                  });
        },
        error -> state.error("training", name + ": " + error.getMessage()));
  }

  /**
   * For the window's close: cancels the running run (the engine then marks it cancelled within a
   * batch, instead of leaving {@code inProgress.yaml} behind) and everything queued. Call before
   * closing the executor.
   */
  public void close() {
    queue.cancelAll();
  }

  /** What the dialog needs from disk, read in the background. */
  private record Prepared(int folds, String notice) {}

  /** The text of the target's config in the active editor, saved or not; null when not open. */
  private String editorTextOf(Path target) {
    OpenConfig config = state.activeConfigProperty().get();
    if (config == null || !config.file().toAbsolutePath().normalize().equals(configFile(target))) {
      return null;
    }
    return config.text().getValue();
  }

  /** The engine trains the saved file: say so when the editor holds changes not saved yet. */
  private static String unsavedNotice(Path target, String editorText) throws java.io.IOException {
    if (editorText == null || editorText.equals(Files.readString(configFile(target)))) {
      return "";
    }
    return "The editor has unsaved changes to this config: training uses the saved config.yaml."
        + " Save first (Ctrl+S) to train with them.";
  }

  private static Path configFile(Path experimentDir) {
    return ExperimentFolder.of(experimentDir).configFile();
  }

  /** The experiment's {@code folds_count}, or 0 when its config does not load. */
  private static int foldCount(Path experimentDir) {
    return new ExperimentLoader()
        .load(ExperimentFolder.of(experimentDir).configFile())
        .config()
        .map(c -> c.data().foldsCount())
        .orElse(0);
  }

  private Path target() {
    Path project = state.project();
    if (project == null) {
      return null;
    }
    Path selected = state.selectedExperimentProperty().get();
    if (isExperiment(project, selected)) {
      return selected;
    }
    OpenConfig config = state.activeConfigProperty().get();
    if (config != null && isExperiment(project, config.file().getParent())) {
      return config.file().getParent();
    }
    return null;
  }

  private static boolean isExperiment(Path project, Path dir) {
    if (dir == null || !Files.exists(dir.resolve(ExperimentFolder.CONFIG))) {
      return false;
    }
    try {
      TrainingQueueViewModel.nameOf(project, dir);
      return true;
    } catch (IllegalArgumentException outside) {
      return false;
    }
  }
}
