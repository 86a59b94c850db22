package dev.musket.app.training;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.TaskExecutor;
import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.experiment.ExperimentFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * What the training charts show: one experiment's {@link ChartData}, live while it trains in this
 * session, otherwise loaded from its metrics CSVs in the background.
 *
 * <p>It follows the selected experiment ({@link WorkbenchState#selectedExperimentProperty()}), and
 * when a run starts with nothing selected it shows that run. Live events arrive in batches from the
 * queue's ~10 Hz pulse ({@link #accept}); each batch ends in one {@link #revisionProperty()} bump,
 * on which the view appends the new points to its datasets in one go.
 */
public final class TrainingChartViewModel {

  private final WorkbenchState state;
  private final TaskExecutor executor;

  /** Charts of runs started in this session, by experiment name, kept after they end. */
  private final Map<String, ChartData> live = new HashMap<>();

  /** Events of runs whose earlier epochs are still being read from disk (a resumed run). */
  private final Map<String, List<TrainingEvent>> awaitingHistory = new HashMap<>();

  private final ReadOnlyObjectWrapper<Path> experiment = new ReadOnlyObjectWrapper<>(this, "exp");
  private final ReadOnlyObjectWrapper<ChartData> data =
      new ReadOnlyObjectWrapper<>(this, "data", new ChartData());
  private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
  private final ReadOnlyStringWrapper title =
      new ReadOnlyStringWrapper(this, "title", "No experiment selected");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale");
  private String shownName;
  private int loadRequest;

  public TrainingChartViewModel(WorkbenchState state, TaskExecutor executor) {
    this.state = state;
    this.executor = executor;
    state.selectedExperimentProperty().addListener((o, was, now) -> show(now));
    if (state.selectedExperimentProperty().get() != null) {
      show(state.selectedExperimentProperty().get());
    }
  }

  /** The experiment folder shown, or null. */
  public ReadOnlyObjectProperty<Path> experimentProperty() {
    return experiment.getReadOnlyProperty();
  }

  /** The charts shown; replaced (not changed) when another experiment is shown. */
  public ReadOnlyObjectProperty<ChartData> dataProperty() {
    return data.getReadOnlyProperty();
  }

  /** Bumped after every batch of new points in {@link #dataProperty()}'s charts. */
  public ReadOnlyIntegerProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }

  /** The shown experiment's name (its path under {@code experiments/}), for the toolbar. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** A line for the user: loading, nothing trained yet, or why the metrics could not be read. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Plots losses and the lr on a log axis. */
  public BooleanProperty logScaleProperty() {
    return logScale;
  }

  /**
   * Shows an experiment: its live charts if it trained in this session, else its metrics files.
   * Null clears the charts.
   */
  public void show(Path experimentDir) {
    int request = ++loadRequest;
    experiment.set(experimentDir);
    shownName = nameOf(experimentDir);
    title.set(
        experimentDir == null
            ? "No experiment selected"
            : shownName != null ? shownName : String.valueOf(experimentDir.getFileName()));
    if (experimentDir == null) {
      publish(new ChartData(), "");
      return;
    }
    ChartData running = shownName == null ? null : live.get(shownName);
    if (running != null) {
      publish(running, "");
      return;
    }
    message.set("Loading the metrics\u2026");
    executor.submit(
        "Loading charts of " + experimentDir.getFileName(),
        context -> MetricsCsvCharts.load(ExperimentFolder.of(experimentDir)),
        loaded -> {
          if (request == loadRequest) { // latest request wins
            publish(loaded, loaded.pointCount() == 0 ? "No metrics yet: not trained" : "");
          }
        },
        error -> {
          if (request == loadRequest) {
            publish(new ChartData(), "Could not read the metrics: " + error.getMessage());
          }
        });
  }

  /** A batch of live events from the training queue's pulse (FX thread). */
  public void accept(List<TrainingEvent> events) {
    boolean changed = false;
    for (TrainingEvent event : events) {
      if (event instanceof TrainingEvent.RunStarted started) {
        begin(started.experiment());
        continue;
      }
      ChartData target = live.get(event.experiment());
      if (target == null) {
        continue; // started before this view-model existed
      }
      target.accept(event);
      List<TrainingEvent> held = awaitingHistory.get(event.experiment());
      if (held != null) {
        held.add(event);
      }
      changed |= target == data.get();
    }
    if (changed) {
      revision.set(revision.get() + 1);
    }
  }

  /**
   * A run started: its charts start empty and show at once, while the metrics files are read in the
   * background. A fresh run's folder was cleared before it started, so they are empty; a resumed
   * run's hold the epochs before the resume point, and the charts are rebuilt from them plus the
   * events that arrived meanwhile (an epoch already in the files is not added twice).
   */
  private void begin(String name) {
    ChartData fresh = new ChartData();
    live.put(name, fresh);
    if (name.equals(shownName)) {
      loadRequest++; // a load of the files still on its way would show an older state
      publish(fresh, "");
    } else if (experiment.get() == null && state.project() != null) {
      show(state.project().resolve("experiments").resolve(name));
    }
    if (state.project() == null) {
      return;
    }
    Path dir = state.project().resolve("experiments").resolve(name);
    List<TrainingEvent> held = new ArrayList<>();
    awaitingHistory.put(name, held);
    executor.submit(
        "Reading the history of " + name,
        context -> MetricsCsvCharts.load(ExperimentFolder.of(dir)),
        history -> {
          if (awaitingHistory.get(name) != held || live.get(name) != fresh) {
            return; // a newer run of the same experiment started meanwhile
          }
          awaitingHistory.remove(name);
          if (history.pointCount() == 0) {
            return;
          }
          held.forEach(history::accept);
          live.put(name, history);
          if (name.equals(shownName)) {
            publish(history, "");
          }
        },
        error -> awaitingHistory.remove(name, held));
  }

  private void publish(ChartData chartData, String note) {
    data.set(chartData);
    message.set(note);
    revision.set(revision.get() + 1);
  }

  private String nameOf(Path dir) {
    if (dir == null || state.project() == null) {
      return null;
    }
    try {
      return TrainingQueueViewModel.nameOf(state.project(), dir);
    } catch (IllegalArgumentException notInProject) {
      return null;
    }
  }
}
