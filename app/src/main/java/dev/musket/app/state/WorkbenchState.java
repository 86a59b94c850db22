package dev.musket.app.state;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * What the whole workbench shares, as properties changed on the FX thread: the open project, the
 * config in the active editor, the selected experiment, the console log, and a revision counter
 * that features bump when experiment folders change on disk, so others reload.
 *
 * <p>Why one object: features (explorer, previewer, training monitor, experiments table) must not
 * know each other; they meet here.
 */
public final class WorkbenchState {

  /** The console keeps this many lines; older ones scroll away. */
  static final int LOG_LIMIT = 5_000;

  private final ObjectProperty<Path> project = new SimpleObjectProperty<>(this, "project");
  private final ObjectProperty<OpenConfig> activeConfig =
      new SimpleObjectProperty<>(this, "activeConfig");
  private final ObjectProperty<Path> selectedExperiment =
      new SimpleObjectProperty<>(this, "selectedExperiment");
  private final IntegerProperty experimentsRevision = new SimpleIntegerProperty(this, "revision");
  private final ObservableList<LogLine> log = FXCollections.observableArrayList();
  private final ObservableSet<Path> running = FXCollections.observableSet();
  private Consumer<Path> fileOpener = file -> {};

  /** The project folder, or null when none is open. */
  public ObjectProperty<Path> projectProperty() {
    return project;
  }

  public Path project() {
    return project.get();
  }

  /** The config in the selected editor tab, or null when no config tab is selected. */
  public ObjectProperty<OpenConfig> activeConfigProperty() {
    return activeConfig;
  }

  /** The experiment folder selected in the explorer or the experiments table, or null. */
  public ObjectProperty<Path> selectedExperimentProperty() {
    return selectedExperiment;
  }

  /** Increases whenever experiment folders changed (a run ended, one was created or deleted). */
  public ReadOnlyIntegerProperty experimentsRevisionProperty() {
    return experimentsRevision;
  }

  public void experimentsChanged() {
    experimentsRevision.set(experimentsRevision.get() + 1);
  }

  /** Experiment folders being trained right now (queued ones are not in it). */
  public ObservableSet<Path> runningExperiments() {
    return running;
  }

  /** Opens {@code file} in an editor tab (the shell installs the opener). */
  public void open(Path file) {
    fileOpener.accept(file);
  }

  public void setFileOpener(Consumer<Path> opener) {
    this.fileOpener = Objects.requireNonNull(opener);
  }

  public ObservableList<LogLine> log() {
    return log;
  }

  public void log(LogLine.Level level, String source, String message) {
    log.add(new LogLine(LocalTime.now(), level, source, message));
    if (log.size() > LOG_LIMIT) {
      log.remove(0, log.size() - LOG_LIMIT);
    }
  }

  public void info(String source, String message) {
    log(LogLine.Level.INFO, source, message);
  }

  public void error(String source, String message) {
    log(LogLine.Level.ERROR, source, message);
  }
}
