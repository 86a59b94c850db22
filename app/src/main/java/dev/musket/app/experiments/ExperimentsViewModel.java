package dev.musket.app.experiments;

import dev.musket.app.state.ExperimentStatus;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.LatestRequest;
import dev.musket.app.task.TaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;

/**
 * The experiments table: {@code musket analyze}'s report, live. Every experiment of the project
 * (new ones too) with its status, score, flattened config keys and fold-averaged best metrics;
 * re-read in the background, debounced, whenever a run starts or ends, and every few seconds while
 * one runs. Filtering, the metric chooser, the "only differing keys" switch and sorting are applied
 * here, so they are tested without a stage; the view only shows {@link #rows()} under {@link
 * #columns()}.
 *
 * <p>Selecting two experiments compares their configs ({@link #comparisonProperty()}); {@link
 * #chartSelected()} charts the selected experiments' curves together ({@link #chart()}).
 */
public final class ExperimentsViewModel {

  /** Runs end in bursts (folds of a queue finishing); one re-read covers a burst. */
  static final Duration RELOAD_DEBOUNCE = Duration.ofMillis(400);

  /**
   * While something trains, its metrics CSVs grow an epoch at a time; re-reading this often keeps
   * its row current without watching files.
   */
  static final Duration WHILE_RUNNING = Duration.ofSeconds(10);

  private final WorkbenchState state;
  private final TaskExecutor executor;
  private TaskExecutor.Cancellable polling;
  private final ExperimentsLoader loader = new ExperimentsLoader();
  private final LatestRequest<List<ExperimentRow>> reload;

  private List<ExperimentRow> all = List.of();
  private final ObservableList<ExperimentRow> rows = FXCollections.observableArrayList();
  // One read-only wrapper per list, kept: a wrapper forwards changes only while it is reachable,
  // so listeners added to a wrapper made per call would silently stop firing after a GC.
  private final ObservableList<ExperimentRow> rowsView =
      FXCollections.unmodifiableObservableList(rows);
  private final ObservableList<Column> columns = FXCollections.observableArrayList();
  private final ObservableList<Column> columnsView =
      FXCollections.unmodifiableObservableList(columns);
  private final ObservableList<String> metrics = FXCollections.observableArrayList();
  private final ObservableList<String> metricsView =
      FXCollections.unmodifiableObservableList(metrics);
  private final ObservableList<ExperimentRow> selected = FXCollections.observableArrayList();
  private final ObservableList<ExperimentRow> selectedView =
      FXCollections.unmodifiableObservableList(selected);
  private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
  private final ObjectProperty<String> metricChoice = new SimpleObjectProperty<>(this, "metric");
  private final BooleanProperty onlyDifferingKeys =
      new SimpleBooleanProperty(this, "onlyDifferingKeys", true);
  private final ReadOnlyObjectWrapper<Column> sortColumn = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper sortAscending = new ReadOnlyBooleanWrapper(true);
  private final ReadOnlyObjectWrapper<ConfigComparison> comparison = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private final ComparisonChartViewModel chart;
  private final BooleanBinding canOpen = Bindings.isNotEmpty(selected);
  private boolean updatingRows;

  public ExperimentsViewModel(WorkbenchState state, TaskExecutor executor) {
    this.state = state;
    this.executor = executor;
    this.reload = new LatestRequest<>(executor, "Analysing experiments", RELOAD_DEBOUNCE);
    this.chart = new ComparisonChartViewModel(executor);
    state.projectProperty().addListener((o, was, now) -> refresh());
    state.experimentsRevisionProperty().addListener((o, was, now) -> refresh());
    state
        .runningExperiments()
        .addListener(
            (SetChangeListener<Path>)
                c -> {
                  refresh();
                  pollWhileRunning();
                });
    state.selectedExperimentProperty().addListener((o, was, now) -> selectedElsewhere(now));
    filterText.addListener((o, was, now) -> rebuild());
    metricChoice.addListener(
        (o, was, now) -> {
          rebuild();
          if (now != null) {
            chart.metricProperty().set(now); // the metric looked at is the one to chart
          }
        });
    onlyDifferingKeys.addListener((o, was, now) -> rebuild());
    refresh();
  }

  /** Re-reads the project in the background; the latest request wins. */
  public void refresh() {
    Path project = state.project();
    if (project == null) {
      reload.cancel();
      loaded(List.of());
      message.set("No project open");
      return;
    }
    Set<Path> running =
        state.runningExperiments().stream()
            .map(p -> p.toAbsolutePath().normalize())
            .collect(Collectors.toUnmodifiableSet());
    loading.set(true);
    reload.request(
        context -> loader.load(project, running),
        this::loaded,
        error -> {
          loading.set(false);
          message.set("Could not analyse the experiments: " + error.getMessage());
          state.error("experiments", "Could not analyse " + project + ": " + error);
        });
  }

  private void pollWhileRunning() {
    boolean running = !state.runningExperiments().isEmpty();
    if (running && polling == null) {
      polling = executor.every(WHILE_RUNNING, this::refresh);
    } else if (!running && polling != null) {
      polling.cancel();
      polling = null;
    }
  }

  private void loaded(List<ExperimentRow> fresh) {
    loading.set(false);
    all = List.copyOf(fresh);
    metrics.setAll(TableShape.metricNames(all));
    if (metricChoice.get() != null && !metrics.contains(metricChoice.get())) {
      metricChoice.set(null);
    }
    chart.metricsChanged(metrics, metricChoice.get());
    Set<Path> wasSelected = dirs(selected);
    selected.setAll(all.stream().filter(r -> wasSelected.contains(r.dir())).toList());
    rebuild();
    long running = all.stream().filter(r -> r.status() == ExperimentStatus.RUNNING).count();
    message.set(
        all.size()
            + (all.size() == 1 ? " experiment" : " experiments")
            + (running > 0 ? ", " + running + " running" : ""));
  }

  /** Applies the key switch, the metric chooser, the filter and the sort to the loaded rows. */
  private void rebuild() {
    List<Column> cols =
        TableShape.columns(all, onlyDifferingKeys.get(), metricChoice.get(), metrics);
    if (!cols.equals(columns)) {
      columns.setAll(cols);
    }
    if (sortColumn.get() != null && !cols.contains(sortColumn.get())) {
      sortColumn.set(null);
    }
    List<ExperimentRow> shown = TableShape.filter(all, cols, filterText.get());
    if (sortColumn.get() != null) {
      shown.sort(RowSorting.by(sortColumn.get(), sortAscending.get()));
    }
    updatingRows = true;
    try {
      rows.setAll(shown);
    } finally {
      updatingRows = false;
    }
    Set<Path> visible = dirs(shown);
    selected.removeIf(r -> !visible.contains(r.dir()));
    compare();
  }

  /** Sorts by {@code column} (null: name order); a no-op when nothing changes. */
  public void sortBy(Column column, boolean ascending) {
    if (java.util.Objects.equals(column, sortColumn.get()) && ascending == sortAscending.get()) {
      return;
    }
    sortColumn.set(column);
    sortAscending.set(ascending);
    rebuild();
  }

  /** The rows the user selected, in table order. Sets the workbench's selected experiment. */
  public void select(List<ExperimentRow> picked) {
    if (updatingRows) {
      return; // the table clears its selection while its rows are replaced; that is not the user
    }
    selected.setAll(picked);
    if (!picked.isEmpty()) {
      state.selectedExperimentProperty().set(picked.get(0).dir());
    }
    compare();
  }

  /** The explorer selected an experiment: select its row, unless it is selected already. */
  private void selectedElsewhere(Path dir) {
    if (dir == null) {
      return;
    }
    Path wanted = dir.toAbsolutePath().normalize();
    if (dirs(selected).contains(wanted)) {
      return; // e.g. the second of two rows picked here; keep the pair
    }
    rows.stream()
        .filter(r -> r.dir().equals(wanted))
        .findFirst()
        .ifPresent(
            r -> {
              selected.setAll(r);
              compare();
            });
  }

  private void compare() {
    comparison.set(
        selected.size() == 2 ? ConfigComparison.of(selected.get(0), selected.get(1)) : null);
  }

  /** Opens the selected experiments' configs in editor tabs. */
  public void openInEditor() {
    selected.forEach(r -> state.open(r.configFile()));
  }

  /** Charts the selected experiments' curves together in {@link #chart()}. */
  public void chartSelected() {
    chart.show(selected);
  }

  private static Set<Path> dirs(List<ExperimentRow> rows) {
    return rows.stream().map(ExperimentRow::dir).collect(Collectors.toSet());
  }

  public ObservableList<ExperimentRow> rows() {
    return rowsView;
  }

  public ObservableList<Column> columns() {
    return columnsView;
  }

  /** Every metric some experiment has, for the choosers. */
  public ObservableList<String> metrics() {
    return metricsView;
  }

  public ObservableList<ExperimentRow> selected() {
    return selectedView;
  }

  public StringProperty filterTextProperty() {
    return filterText;
  }

  /** One metric column only (analyze's {@code --onlyMetric}), or null for all of them. */
  public ObjectProperty<String> metricChoiceProperty() {
    return metricChoice;
  }

  /** On: only the keys whose values differ between experiments; off: every flattened key. */
  public BooleanProperty onlyDifferingKeysProperty() {
    return onlyDifferingKeys;
  }

  public ReadOnlyObjectProperty<Column> sortColumnProperty() {
    return sortColumn.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty sortAscendingProperty() {
    return sortAscending.getReadOnlyProperty();
  }

  /** The two selected experiments' configs compared, or null unless exactly two are selected. */
  public ReadOnlyObjectProperty<ConfigComparison> comparisonProperty() {
    return comparison.getReadOnlyProperty();
  }

  /** The comparison chart's own model. */
  public ComparisonChartViewModel chart() {
    return chart;
  }

  /** A line for the status label: the count, or what went wrong. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** Whether something is selected to open or chart. */
  public BooleanBinding canOpenProperty() {
    return canOpen;
  }
}
