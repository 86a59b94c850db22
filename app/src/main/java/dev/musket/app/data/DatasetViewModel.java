package dev.musket.app.data;

import dev.musket.app.state.OpenConfig;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.LatestRequest;
import dev.musket.app.task.TaskExecutor;
import dev.musket.engine.data.ExperimentData;
import dev.musket.engine.data.split.ExperimentSplits;
import dev.musket.engine.data.split.SplitSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dataset view's state: which experiment's data is shown, the filtered items, the filter
 * choices, the class distribution, and the thumbnail loader for the grid.
 *
 * <p>The experiment is the one selected in the explorer, else the one whose config is in the active
 * editor (its saved file: the grid shows what training would read). Loading (config, dataset
 * listing, splits) runs in the background, latest selection wins; the splits are the ones {@code
 * musket fit} uses, read from the sidecar files or computed as fit would, but never written.
 */
public final class DatasetViewModel {

  /** Thumbnails are at most this many pixels a side. */
  public static final int THUMBNAIL_SIDE = 72;

  /** About 24 MB of thumbnails; Fashion-MNIST's 28x28 items fit 7,000 of them. */
  static final long CACHE_PIXELS = 6_000_000;

  private final WorkbenchState state;
  private final TaskExecutor executor;
  private final LatestRequest<Loaded> loads;
  private final ReadOnlyObjectWrapper<Path> configFile = new ReadOnlyObjectWrapper<>(this, "file");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyObjectWrapper<ThumbnailLoader> thumbnails =
      new ReadOnlyObjectWrapper<>(this, "thumbnails");
  private final ObservableList<DatasetItem> items = FXCollections.observableArrayList();
  private final ObservableList<ClassFilter> classChoices = FXCollections.observableArrayList();
  private final ObservableList<SplitFilter> splitChoices = FXCollections.observableArrayList();
  private final ObservableList<ClassSeries> distribution = FXCollections.observableArrayList();
  private final ObjectProperty<ClassFilter> classFilter =
      new SimpleObjectProperty<>(this, "classFilter", ClassFilter.ALL);
  private final ObjectProperty<SplitFilter> splitFilter =
      new SimpleObjectProperty<>(this, "splitFilter", SplitFilter.ALL);
  private final StringProperty idFilter = new SimpleStringProperty(this, "idFilter", "");
  private final ObservableList<DatasetItem> itemsView =
      FXCollections.unmodifiableObservableList(items);
  private final ObservableList<ClassFilter> classChoicesView =
      FXCollections.unmodifiableObservableList(classChoices);
  private final ObservableList<SplitFilter> splitChoicesView =
      FXCollections.unmodifiableObservableList(splitChoices);
  private final ObservableList<ClassSeries> distributionView =
      FXCollections.unmodifiableObservableList(distribution);
  private DatasetIndex index;
  private Path requested;
  private boolean showing;

  /** What one background load produced: the index, or the message shown instead. */
  record Loaded(Path file, Optional<DatasetIndex> index, String message) {}

  public DatasetViewModel(WorkbenchState state, TaskExecutor executor) {
    this.state = state;
    this.executor = executor;
    this.loads = new LatestRequest<>(executor, "Loading dataset", Duration.ofMillis(150));
    state.selectedExperimentProperty().addListener((o, a, b) -> follow());
    state.activeConfigProperty().addListener((o, a, b) -> follow());
    classFilter.addListener((o, a, b) -> applyFilters());
    splitFilter.addListener((o, a, b) -> applyFilters());
    idFilter.addListener((o, a, b) -> applyFilters());
    reload();
  }

  /** Switches to the experiment now selected, if it is another one (tab switches often are not). */
  private void follow() {
    Path file = target();
    if (file == null || !file.equals(requested)) {
      reload();
    }
  }

  /** Loads the data of the current experiment again (after its config or files changed). */
  public void reload() {
    Path file = target();
    requested = file;
    if (file == null) {
      loads.cancel();
      show(new Loaded(null, Optional.empty(), "Select an experiment to see its dataset."));
      return;
    }
    loading.set(true);
    Path project = state.project();
    loads.request(
        context -> load(file, project),
        this::show,
        failure ->
            show(
                new Loaded(
                    file, Optional.empty(), "Cannot load the dataset: " + describe(failure))));
  }

  static String describe(Throwable failure) {
    return failure.getMessage() == null ? failure.toString() : failure.getMessage();
  }

  private Path target() {
    Path selected = state.selectedExperimentProperty().get();
    if (selected != null) {
      return selected.getFileName() != null && selected.toString().endsWith(".yaml")
          ? selected
          : selected.resolve("config.yaml");
    }
    OpenConfig active = state.activeConfigProperty().get();
    if (active != null
        && active.file().getFileName() != null
        && active.file().getFileName().toString().equals("config.yaml")) {
      return active.file();
    }
    return null;
  }

  /** Runs in the background: everything but pixels. */
  static Loaded load(Path file, Path project) throws Exception {
    if (!Files.isRegularFile(file)) {
      return new Loaded(file, Optional.empty(), file + " does not exist.");
    }
    ExperimentDataLoading.Outcome outcome = ExperimentDataLoading.load(null, file, project);
    if (outcome.data().isEmpty()) {
      return new Loaded(file, Optional.empty(), outcome.message());
    }
    ExperimentData data = outcome.data().get();
    SplitSettings settings = SplitSettings.of(outcome.config().orElseThrow().data());
    ExperimentSplits splits = ExperimentSplits.peek(data.dataSet(), settings, file);
    return new Loaded(file, Optional.of(new DatasetIndex(data.dataSet(), splits)), "");
  }

  private void show(Loaded loaded) {
    loading.set(false);
    // the choices and filters below change one by one; the grid is refilled once, at the end
    showing = true;
    configFile.set(loaded.file());
    message.set(loaded.message());
    if (thumbnails.get() != null) {
      thumbnails.get().close();
    }
    index = loaded.index().orElse(null);
    thumbnails.set(
        index == null
            ? null
            : new ThumbnailLoader(executor, index.dataSet(), THUMBNAIL_SIDE, CACHE_PIXELS));
    // keep the user's filters where they still make sense in the new dataset (a combo box bound
    // to a filter clears it while its choices are replaced, so remember them first)
    ClassFilter cls = classFilter.get();
    SplitFilter split = splitFilter.get();
    List<ClassFilter> classes = new ArrayList<>(List.of(ClassFilter.ALL));
    classes.addAll(index == null ? List.of() : index.classes());
    classChoices.setAll(classes);
    splitChoices.setAll(index == null ? List.of(SplitFilter.ALL) : index.splitFilters());
    classFilter.set(classChoices.contains(cls) ? cls : ClassFilter.ALL);
    splitFilter.set(splitChoices.contains(split) ? split : SplitFilter.ALL);
    showing = false;
    distribution.setAll(index == null ? List.of() : series(index));
    applyFilters();
  }

  private void applyFilters() {
    if (showing) {
      return;
    }
    if (index == null) {
      items.clear();
      summary.set("");
      return;
    }
    ClassFilter cls = classFilter.get() == null ? ClassFilter.ALL : classFilter.get();
    SplitFilter split = splitFilter.get() == null ? SplitFilter.ALL : splitFilter.get();
    int[] shown = index.filter(cls, split, idFilter.get());
    List<DatasetItem> rows = new ArrayList<>(shown.length);
    for (int i : shown) {
      rows.add(index.item(i));
    }
    items.setAll(rows);
    summary.set(
        String.format(
            "%,d of %,d items \u00b7 %d classes \u00b7 %d folds%s",
            shown.length,
            index.size(),
            index.classes().size(),
            index.foldCount(),
            index.hasHoldout()
                ? String.format(
                    " \u00b7 holdout %,d", index.members(SplitFilter.HOLDOUT).cardinality())
                : ""));
  }

  private static List<ClassSeries> series(DatasetIndex index) {
    List<String> names = index.classes().stream().map(ClassFilter::name).toList();
    List<ClassSeries> out = new ArrayList<>();
    out.add(new ClassSeries("all", names, index.classCounts(SplitFilter.ALL)));
    for (int f = 0; f < index.foldCount(); f++) {
      SplitFilter val = SplitFilter.validation(f);
      out.add(new ClassSeries("val fold " + f, names, index.classCounts(val)));
    }
    if (index.hasHoldout()) {
      out.add(new ClassSeries("holdout", names, index.classCounts(SplitFilter.HOLDOUT)));
    }
    return out;
  }

  /** The config file whose dataset is shown (or was tried), null when none. */
  public ReadOnlyObjectProperty<Path> configFileProperty() {
    return configFile.getReadOnlyProperty();
  }

  /** Why nothing is shown (no experiment, a config error...), empty when items are shown. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** A one-line count of what is shown, e.g. {@code 30 of 300 items · 3 classes · 3 folds}. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** The thumbnails of the shown dataset; null while none is shown. */
  public ReadOnlyObjectProperty<ThumbnailLoader> thumbnailsProperty() {
    return thumbnails.getReadOnlyProperty();
  }

  /** The items that pass the filters, in dataset order. */
  public ObservableList<DatasetItem> items() {
    return itemsView;
  }

  public ObservableList<ClassFilter> classChoices() {
    return classChoicesView;
  }

  public ObservableList<SplitFilter> splitChoices() {
    return splitChoicesView;
  }

  /** The class distribution: all items, each fold's validation part, and the holdout. */
  public ObservableList<ClassSeries> distribution() {
    return distributionView;
  }

  public ObjectProperty<ClassFilter> classFilterProperty() {
    return classFilter;
  }

  public ObjectProperty<SplitFilter> splitFilterProperty() {
    return splitFilter;
  }

  /** Shows only items whose id contains this text (ignoring case). */
  public StringProperty idFilterProperty() {
    return idFilter;
  }
}
