package dev.musket.app.explorer;

import dev.musket.app.state.ExperimentStatus;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.SetChangeListener;

/**
 * The explorer's state: the latest {@link ProjectSnapshot} of the open project (scanned in the
 * background), each experiment's status with the running set applied, and the experiment commands
 * (new, duplicate, rename, delete).
 *
 * <p>When it rescans: when the project changes, when {@link WorkbenchState#experimentsChanged()} is
 * called, when the running set changes, and every {@link #POLL} (a fit started from a terminal
 * writes files nobody announces). A scan never overlaps another, and a result for a project that is
 * no longer open is dropped.
 */
public final class ProjectExplorerViewModel {

  static final Duration POLL = Duration.ofSeconds(3);
  private static final String SOURCE = "explorer";

  private final WorkbenchState state;
  private final TaskExecutor executor;
  private final ReadOnlyObjectWrapper<ProjectSnapshot> snapshot =
      new ReadOnlyObjectWrapper<>(this, "snapshot");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyObjectWrapper<ExperimentInfo> selected =
      new ReadOnlyObjectWrapper<>(this, "selected");
  private final TaskExecutor.Cancellable poll;
  private boolean disposed;
  private boolean scanning;
  private boolean rescanWanted;

  public ProjectExplorerViewModel(WorkbenchState state, TaskExecutor executor) {
    this.state = state;
    this.executor = executor;
    state.projectProperty().addListener((obs, old, now) -> refresh());
    state.experimentsRevisionProperty().addListener((obs, old, now) -> refresh());
    state.runningExperiments().addListener((SetChangeListener<Path>) c -> refresh());
    poll = executor.every(POLL, this::refresh);
    refresh();
  }

  /** The project as last scanned; null before the first scan or with no project. */
  public ReadOnlyObjectProperty<ProjectSnapshot> snapshotProperty() {
    return snapshot.getReadOnlyProperty();
  }

  /** Why the last scan failed, or empty. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The experiment as shown: RUNNING when the workbench trains it now, else what its files say. */
  public ExperimentInfo shown(ExperimentInfo info) {
    return state.runningExperiments().contains(info.dir())
        ? info.withStatus(ExperimentStatus.RUNNING)
        : info;
  }

  /** Stops polling (the window closed). */
  public void dispose() {
    disposed = true;
    poll.cancel();
  }

  /** Rescans the project in the background (coalesced while a scan runs). */
  public void refresh() {
    Path project = state.project();
    if (disposed) {
      return;
    }
    if (project == null) {
      snapshot.set(null);
      error.set("");
      return;
    }
    if (scanning) {
      rescanWanted = true;
      return;
    }
    scanning = true;
    executor.submit(
        "Scanning " + project.getFileName(),
        ctx -> ProjectScanner.scan(project),
        result -> {
          finishScan();
          if (project.equals(state.project())) {
            error.set("");
            if (!Objects.equals(result, snapshot.get())) {
              snapshot.set(result);
            }
          }
        },
        failure -> {
          finishScan();
          if (project.equals(state.project())) {
            error.set("Cannot read the project " + project + ": " + failure.getMessage());
          }
        });
  }

  private void finishScan() {
    scanning = false;
    if (rescanWanted) {
      rescanWanted = false;
      refresh();
    }
  }

  /** The explorer's selection: an experiment folder, or null for anything else. */
  public void select(ExperimentInfo experiment) {
    selected.set(experiment);
    state.selectedExperimentProperty().set(experiment == null ? null : experiment.dir());
  }

  /** The experiment selected in the explorer, or null; the experiment actions act on it. */
  public ReadOnlyObjectProperty<ExperimentInfo> selectedProperty() {
    return selected.getReadOnlyProperty();
  }

  /** Why {@code name} cannot be used for a new experiment, or empty: for live dialog feedback. */
  public Optional<String> problemWithName(String name) {
    Path project = state.project();
    return project == null
        ? Optional.of("Open a project first.")
        : ExperimentNames.problemWith(project, name);
  }

  /** Creates {@code name} from the template and opens its config. */
  public void newExperiment(String name) {
    Path project = requireProject();
    run(
        "New experiment " + name,
        () -> ExperimentFiles.create(project, name),
        config -> {
          state.info(SOURCE, "Created experiment " + name + " from the template");
          state.open(config);
        });
  }

  /** Copies {@code source}'s config into a new experiment {@code name} and opens it. */
  public void duplicate(ExperimentInfo source, String name) {
    Path project = requireProject();
    run(
        "Duplicate " + source.name(),
        () -> ExperimentFiles.duplicate(project, source.dir(), name),
        config -> {
          state.info(SOURCE, "Duplicated " + source.name() + " as " + name);
          state.open(config);
        });
  }

  /** Renames {@code source}; refused while it is training. */
  public void rename(ExperimentInfo source, String name) {
    if (state.runningExperiments().contains(source.dir())) {
      state.error(SOURCE, "Cannot rename " + source.name() + " while it is training.");
      return;
    }
    Path project = requireProject();
    run(
        "Rename " + source.name(),
        () -> ExperimentFiles.rename(project, source.dir(), name),
        dir -> state.info(SOURCE, "Renamed " + source.name() + " to " + name));
  }

  /** Moves {@code source} to the project's trash; refused while it is training. */
  public void delete(ExperimentInfo source) {
    if (state.runningExperiments().contains(source.dir())) {
      state.error(SOURCE, "Cannot delete " + source.name() + " while it is training.");
      return;
    }
    Path project = requireProject();
    run(
        "Delete " + source.name(),
        () -> ExperimentFiles.delete(project, source.dir()),
        trash ->
            state.info(
                SOURCE,
                "Deleted " + source.name() + " (moved to " + project.relativize(trash) + ")"));
  }

  private Path requireProject() {
    Path project = state.project();
    if (project == null) {
      throw new IllegalStateException("no project is open");
    }
    return project;
  }

  /** Work that changes experiment folders: on success the workbench is told; failures logged. */
  private <T> void run(String title, FileWork<T> work, Consumer<T> onSuccess) {
    executor.submit(
        title,
        ctx -> work.run(),
        result -> {
          state.experimentsChanged();
          onSuccess.accept(result);
        },
        failure ->
            state.error(
                SOURCE,
                title
                    + " failed: "
                    + (failure.getMessage() == null ? failure.toString() : failure.getMessage())));
  }

  @FunctionalInterface
  private interface FileWork<T> {
    T run() throws Exception;
  }
}
