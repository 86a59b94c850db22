package dev.musket.app.data;

import dev.musket.app.state.OpenConfig;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.LatestRequest;
import dev.musket.app.task.TaskExecutor;
import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.data.AugmentationPreview;
import dev.musket.engine.data.ExperimentData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The augmentation previewer's state: for the config in the active editor, saved or not, a few
 * dataset items each beside several augmented variants, as the training loader would produce them.
 *
 * <p>It follows typing: every change of the editor's text (and of seed or counts) asks for a new
 * preview after a {@value #DEBOUNCE_MS} ms pause, and a newer request cancels an older one, so a
 * slow preview never overwrites a newer one. A broken config shows its first error, with line and
 * column, in place of the images; the last good images are dropped so they cannot mislead.
 */
public final class AugmentationPreviewViewModel {

  static final long DEBOUNCE_MS = 300;
  public static final int DEFAULT_ITEMS = 4;
  public static final int DEFAULT_VARIANTS = 5;

  private final WorkbenchState state;
  private final LatestRequest<Preview> requests;
  private final ObservableList<PreviewRow> rows = FXCollections.observableArrayList();
  private final ObservableList<PreviewRow> rowsView =
      FXCollections.unmodifiableObservableList(rows);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);
  private final IntegerProperty itemCount = new SimpleIntegerProperty(this, "items", DEFAULT_ITEMS);
  private final IntegerProperty variantCount =
      new SimpleIntegerProperty(this, "variants", DEFAULT_VARIANTS);
  private final InvalidationListener onChange = o -> refresh();
  private ObservableValue<String> watchedText;
  private final DatasetReuse datasets = new DatasetReuse();

  /** One finished preview: the rows, or the message shown instead of them. */
  record Preview(List<PreviewRow> rows, String message) {}

  public AugmentationPreviewViewModel(WorkbenchState state, TaskExecutor executor) {
    this.state = state;
    this.requests =
        new LatestRequest<>(executor, "Previewing augmentation", Duration.ofMillis(DEBOUNCE_MS));
    state.activeConfigProperty().addListener((o, old, now) -> watch(now));
    seed.addListener(onChange);
    itemCount.addListener(onChange);
    variantCount.addListener(onChange);
    watch(state.activeConfigProperty().get());
  }

  private void watch(OpenConfig config) {
    if (watchedText != null) {
      watchedText.removeListener(onChange);
    }
    watchedText = config == null ? null : config.text();
    datasets.forget(); // another config: read its data afresh
    if (watchedText != null) {
      watchedText.addListener(onChange);
    }
    refresh();
  }

  /** Asks for a preview of the active config as it is now (debounced; latest wins). */
  public void refresh() {
    OpenConfig config = state.activeConfigProperty().get();
    if (config == null || !isExperimentConfig(config.file())) {
      // common.yaml and other YAML files are not experiments: validating them would only say so
      requests.cancel();
      show(new Preview(List.of(), "Open an experiment's config.yaml to preview its augmentation."));
      return;
    }
    String text = config.text().getValue();
    Path file = config.file();
    Path project = state.project();
    long s = seed.get();
    int n = Math.max(1, itemCount.get());
    int m = Math.max(1, variantCount.get());
    busy.set(true);
    if (rows.isEmpty()) {
      // the last message may be about another file; the old images, if any, stay until replaced
      message.set("Preparing the preview\u2026");
    }
    requests.request(
        context -> compute(text, file, project, n, m, s, datasets),
        this::show,
        failure ->
            show(new Preview(List.of(), "Cannot preview: " + DatasetViewModel.describe(failure))));
  }

  private static boolean isExperimentConfig(Path file) {
    return file != null
        && file.getFileName() != null
        && file.getFileName().toString().equals("config.yaml");
  }

  /** Draws other items and other augmentations. */
  public void reseed() {
    datasets.forget(); // Reseed also picks up files added or changed on disk
    // an LCG step: deterministic (tests can predict it), short enough to read and note down
    long next = seed.get();
    do {
      next = Math.floorMod(next * 6364136223846793005L + 1442695040888963407L, 1_000_000L);
    } while (next == seed.get());
    seed.set(next);
  }

  /** Runs in the background. */
  static Preview compute(
      String text, Path file, Path project, int n, int m, long seed, DatasetReuse datasets) {
    ExperimentDataLoading.Outcome checked = ExperimentDataLoading.config(text, file);
    if (checked.config().isEmpty()) {
      return new Preview(List.of(), checked.message());
    }
    ExperimentConfig config = checked.config().get();
    if (config.data().augmentation().isEmpty()) {
      return new Preview(
          List.of(),
          "This config has no augmentation: add an 'augmentation:' section to preview it.");
    }
    ExperimentDataLoading.Outcome built =
        ExperimentDataLoading.data(config, file, project, datasets);
    if (built.data().isEmpty()) {
      return new Preview(List.of(), built.message());
    }
    ExperimentData data = built.data().get();
    List<PreviewRow> rows = new ArrayList<>();
    for (AugmentationPreview.Variants v :
        AugmentationPreview.variants(data.dataSet(), data.pipeline(), n, m, seed)) {
      List<Pixels> augmented = v.augmented().stream().map(Pixels::of).toList();
      rows.add(new PreviewRow(v.id(), v.label(), Pixels.of(v.original()), augmented));
    }
    return new Preview(rows, rows.isEmpty() ? "The dataset has no items." : "");
  }

  private void show(Preview preview) {
    busy.set(false);
    rows.setAll(preview.rows());
    message.set(preview.message());
  }

  /** The previewed items, each with its variants; empty while a message is shown instead. */
  public ObservableList<PreviewRow> rows() {
    return rowsView;
  }

  /** Why there are no images (a config error with line:col, no augmentation...), else empty. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** True from a request until its preview (or a newer one) arrives. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Seeds both the choice of items and their augmentation. */
  public LongProperty seedProperty() {
    return seed;
  }

  /** How many dataset items to preview (N). */
  public IntegerProperty itemCountProperty() {
    return itemCount;
  }

  /** How many augmented variants beside each item (M). */
  public IntegerProperty variantCountProperty() {
    return variantCount;
  }
}
