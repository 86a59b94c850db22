package dev.musket.app.training;

import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.events.MetricsBuffer;
import dev.musket.engine.train.FitOptions;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One experiment in the training queue. Its properties change on the FX thread only; the training
 * thread touches nothing here but {@link #buffer()} and {@link #token()}, both thread-safe.
 */
public final class TrainingRun {

  private final Path project;
  private final Path experimentDir;
  private final String name;
  private final FitOptions options;
  private final CancellationToken token = new CancellationToken();
  private final MetricsBuffer buffer = new MetricsBuffer();
  private final RunProgress tracker = new RunProgress();
  private final ReadOnlyObjectWrapper<RunStatus> status =
      new ReadOnlyObjectWrapper<>(this, "status", RunStatus.QUEUED);
  private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
  private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", -1);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

  TrainingRun(Path project, Path experimentDir, String name, FitOptions options) {
    this.project = project;
    this.experimentDir = experimentDir;
    this.name = name;
    this.options = options;
  }

  public Path project() {
    return project;
  }

  public Path experimentDir() {
    return experimentDir;
  }

  /** The experiment's path under {@code experiments/}, as the engine's events name it. */
  public String name() {
    return name;
  }

  public FitOptions options() {
    return options;
  }

  public ReadOnlyObjectProperty<RunStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  public RunStatus status() {
    return status.get();
  }

  /** Where a running run is ("fold 0 (1 of 2) · stage 1/1 · epoch 3/10 · batch 7"). */
  public ReadOnlyStringProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Overall progress in [0, 1], -1 while unknown. */
  public ReadOnlyDoubleProperty fractionProperty() {
    return fraction.getReadOnlyProperty();
  }

  /** Why it failed, or a note on how it ended. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  CancellationToken token() {
    return token;
  }

  MetricsBuffer buffer() {
    return buffer;
  }

  RunProgress tracker() {
    return tracker;
  }

  void setStatus(RunStatus value) {
    status.set(value);
  }

  void showProgress() {
    progress.set(tracker.describe());
    fraction.set(tracker.fraction());
  }

  void setMessage(String text) {
    message.set(text == null ? "" : text);
  }

  @Override
  public String toString() {
    return name + " (" + status.get().label() + ")";
  }
}
