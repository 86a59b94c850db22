package dev.musket.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The previewer's model on the shapes sample, following an editor's unsaved text. */
class AugmentationPreviewViewModelTest {

  @TempDir Path dir;
  Path project;
  WorkbenchState state;
  Shapes.Editor editor;

  @BeforeEach
  void open() {
    project = Shapes.copyTo(dir);
    state = new WorkbenchState();
    state.projectProperty().set(project);
    editor = new Shapes.Editor(Shapes.config(project, "folder_resnet18"));
  }

  @Test
  void showsEachItemBesideItsVariantsAtTheConfiguredShape() {
    var model = new AugmentationPreviewViewModel(state, new DirectTaskExecutor());
    model.itemCountProperty().set(3);
    model.variantCountProperty().set(4);

    state.activeConfigProperty().set(editor);

    assertThat(model.messageProperty().get()).isEmpty();
    assertThat(model.rows()).hasSize(3);
    for (PreviewRow row : model.rows()) {
      assertThat(row.augmented()).hasSize(4);
      assertThat(row.label()).isIn("circle", "square", "triangle");
      for (Pixels p : allOf(row)) {
        assertThat(p.width()).isEqualTo(48);
        assertThat(p.height()).isEqualTo(48);
      }
      // augmentation happened: the variants are not all the original
      assertThat(row.augmented())
          .anyMatch(v -> !java.util.Arrays.equals(v.argb(), row.original().argb()));
    }
  }

  @Test
  void followsUnsavedTextSuchAsANewShape() {
    var model = new AugmentationPreviewViewModel(state, new DirectTaskExecutor());
    state.activeConfigProperty().set(editor);

    editor.text.set(editor.text.get().replace("classes: 3", "classes: 3\nshape: [32, 40, 3]"));

    assertThat(model.rows()).isNotEmpty();
    Pixels p = model.rows().get(0).augmented().get(0);
    assertThat(p.height()).isEqualTo(32);
    assertThat(p.width()).isEqualTo(40);
  }

  @Test
  void reseedChangesThePixels() {
    var model = new AugmentationPreviewViewModel(state, new DirectTaskExecutor());
    state.activeConfigProperty().set(editor);
    List<PreviewRow> before = List.copyOf(model.rows());
    long seed = model.seedProperty().get();

    model.reseed();

    assertThat(model.seedProperty().get()).isNotEqualTo(seed);
    assertThat(pixelsOf(model.rows())).isNotEqualTo(pixelsOf(before));
  }

  @Test
  void aBrokenConfigShowsTheFirstErrorWithItsLineInsteadOfImages() {
    var model = new AugmentationPreviewViewModel(state, new DirectTaskExecutor());
    state.activeConfigProperty().set(editor);
    assertThat(model.rows()).isNotEmpty();

    editor.text.set(editor.text.get().replace("Flipud: 0.5", "Flipud: [0.5"));

    assertThat(model.rows()).isEmpty();
    assertThat(model.messageProperty().get()).matches("config.yaml:\\d+:\\d+: .+");
    int line = Integer.parseInt(model.messageProperty().get().split(":")[1]);
    assertThat(line).isBetween(12, 26);
  }

  @Test
  void anUnknownAugmenterIsReportedAtItsLine() {
    var model = new AugmentationPreviewViewModel(state, new DirectTaskExecutor());
    state.activeConfigProperty().set(editor);

    editor.text.set(editor.text.get().replace("Flipud: 0.5", "Flipdown: 0.5"));

    assertThat(model.rows()).isEmpty();
    assertThat(model.messageProperty().get()).startsWith("config.yaml:12:").contains("Flipdown");
  }

  @Test
  void saysSoWhenTheConfigHasNoAugmentation() {
    var model = new AugmentationPreviewViewModel(state, new DirectTaskExecutor());
    String text = editor.text.get();
    String noAugmentation =
        text.substring(0, text.indexOf("augmentation:")) + text.substring(text.indexOf("dataset:"));
    editor.text.set(noAugmentation);

    state.activeConfigProperty().set(editor);

    assertThat(model.rows()).isEmpty();
    assertThat(model.messageProperty().get()).contains("no augmentation");
  }

  @Test
  void aNewerRequestSupersedesAnOlderOne() {
    ManualExecutor executor = new ManualExecutor();
    var model = new AugmentationPreviewViewModel(state, executor);
    state.activeConfigProperty().set(editor);
    // the first request's debounce ends and its work is queued, as if running
    executor.runNext();
    assertThat(model.busyProperty().get()).isTrue();

    // the user types on: a newer request with another shape
    editor.text.set(editor.text.get().replace("classes: 3", "classes: 3\nshape: [24, 24, 3]"));
    executor.runAll();

    assertThat(model.busyProperty().get()).isFalse();
    assertThat(model.rows()).isNotEmpty();
    assertThat(model.rows().get(0).original().width()).isEqualTo(24);
  }

  @Test
  void withoutAnOpenConfigItAsksForOne() {
    var model = new AugmentationPreviewViewModel(state, new DirectTaskExecutor());
    assertThat(model.rows()).isEmpty();
    assertThat(model.messageProperty().get()).contains("Open an experiment");
  }

  @Test
  void unreadableImagesAreAMessageNotAnException() throws Exception {
    try (var files = java.nio.file.Files.walk(project.resolve("data/images"))) {
      for (Path png : files.filter(f -> f.toString().endsWith(".png")).toList()) {
        java.nio.file.Files.writeString(png, "not a png");
      }
    }
    var model = new AugmentationPreviewViewModel(state, new DirectTaskExecutor());

    state.activeConfigProperty().set(editor);

    assertThat(model.rows()).isEmpty();
    assertThat(model.messageProperty().get()).startsWith("Cannot preview: ").contains(".png");
    assertThat(model.busyProperty().get()).isFalse();
  }

  @Test
  void commonYamlIsNotAnExperimentToPreview() {
    var model = new AugmentationPreviewViewModel(state, new DirectTaskExecutor());

    state.activeConfigProperty().set(new Shapes.Editor(project.resolve("common.yaml")));

    assertThat(model.rows()).isEmpty();
    assertThat(model.messageProperty().get()).contains("Open an experiment's config.yaml");
  }

  private static List<Pixels> allOf(PreviewRow row) {
    List<Pixels> all = new java.util.ArrayList<>(row.augmented());
    all.add(row.original());
    return all;
  }

  private static List<List<Integer>> pixelsOf(List<PreviewRow> rows) {
    return rows.stream()
        .flatMap(r -> r.augmented().stream())
        .map(p -> java.util.Arrays.stream(p.argb()).boxed().toList())
        .toList();
  }
}
