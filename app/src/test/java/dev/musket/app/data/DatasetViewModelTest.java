package dev.musket.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.data.ExperimentData;
import dev.musket.engine.data.split.ExperimentSplits;
import dev.musket.engine.data.split.Split;
import dev.musket.engine.data.split.SplitSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset view's model on the shapes sample, with the same-thread executor. */
class DatasetViewModelTest {

  @TempDir Path dir;
  Path project;
  WorkbenchState state;
  DatasetViewModel model;

  @BeforeEach
  void open() {
    project = Shapes.copyTo(dir);
    state = new WorkbenchState();
    state.projectProperty().set(project);
    model = new DatasetViewModel(state, new DirectTaskExecutor());
  }

  private void select(String experiment) {
    state.selectedExperimentProperty().set(project.resolve("experiments").resolve(experiment));
  }

  @Test
  void asksForAnExperimentWhileNoneIsSelected() {
    assertThat(model.items()).isEmpty();
    assertThat(model.messageProperty().get()).contains("Select an experiment");
  }

  @Test
  void classCountsMatchTheImageFilesOnDisk() throws IOException {
    select("folder_resnet18");

    assertThat(model.messageProperty().get()).isEmpty();
    assertThat(model.items()).hasSize(300);
    ClassSeries all = model.distribution().get(0);
    assertThat(all.name()).isEqualTo("all");
    Map<String, Integer> counted = new java.util.TreeMap<>();
    for (int k = 0; k < all.classes().size(); k++) {
      counted.put(all.classes().get(k), all.counts()[k]);
    }
    assertThat(counted).isEqualTo(filesPerClassFolder(project.resolve("data/images")));
    assertThat(model.distribution())
        .extracting(ClassSeries::name)
        .containsExactly("all", "val fold 0", "val fold 1", "val fold 2", "holdout");
  }

  @Test
  void filtersByClassBySplitAndById() {
    select("folder_resnet18");
    ClassFilter circle =
        model.classChoices().stream().filter(c -> c.name().equals("circle")).findFirst().get();

    model.classFilterProperty().set(circle);
    assertThat(model.items()).isNotEmpty().allMatch(i -> i.label().equals("circle"));
    int circles = model.items().size();

    model.splitFilterProperty().set(SplitFilter.HOLDOUT);
    assertThat(model.items())
        .isNotEmpty()
        .hasSizeLessThan(circles)
        .allMatch(i -> i.membership().equals("holdout") && i.label().equals("circle"));

    model.splitFilterProperty().set(SplitFilter.ALL);
    model.idFilterProperty().set("CIRCLE_00");
    assertThat(model.items())
        .extracting(DatasetItem::id)
        .containsExactly(
            "circle/circle_000.png",
            "circle/circle_001.png",
            "circle/circle_002.png",
            "circle/circle_003.png",
            "circle/circle_004.png",
            "circle/circle_005.png",
            "circle/circle_006.png",
            "circle/circle_007.png",
            "circle/circle_008.png",
            "circle/circle_009.png");
    assertThat(model.summaryProperty().get()).startsWith("10 of 300 items");
  }

  @Test
  void membershipMatchesTheSplitsTrainingUsesAndLookingWritesNothing() throws Exception {
    select("csv_resnet18");
    Path config = Shapes.config(project, "csv_resnet18");
    assertThat(config.resolveSibling("config.yaml.folds_split")).doesNotExist();
    assertThat(config.resolveSibling("config.yaml.holdout_split")).doesNotExist();

    ExperimentSplits splits = planAsFitDoes(config);
    List<DatasetItem> items = List.copyOf(model.items());
    for (int i : splits.holdout().heldOut()) {
      assertThat(items.get(i).membership()).isEqualTo("holdout");
    }
    for (int f = 0; f < splits.folds().size(); f++) {
      Split fold = splits.folds().get(f);
      for (int i : fold.heldOut()) {
        assertThat(items.get(i).membership()).isEqualTo("val fold " + f);
      }
      model.splitFilterProperty().set(SplitFilter.train(f));
      assertThat(model.items())
          .extracting(DatasetItem::index)
          .containsExactlyElementsOf(boxed(fold.train()));
      model.splitFilterProperty().set(SplitFilter.validation(f));
      assertThat(model.items())
          .extracting(DatasetItem::index)
          .containsExactlyElementsOf(boxed(fold.heldOut()));
    }
  }

  @Test
  void followsTheActiveEditorWhenNoExperimentIsSelected() {
    state.activeConfigProperty().set(new Shapes.Editor(Shapes.config(project, "csv_multi_output")));

    assertThat(model.items()).hasSize(300);
    // two outputs: the classes of each, named with their output
    assertThat(model.classChoices()).extracting(ClassFilter::name).contains("1: circle", "2: red");
    assertThat(model.items().get(0).label()).isEqualTo("circle | red");
  }

  @Test
  void aBrokenConfigShowsItsFirstErrorInsteadOfItems() throws IOException {
    Path config = Shapes.config(project, "folder_resnet18");
    Files.writeString(config, Files.readString(config).replace("classes: 3", "classes: three"));

    select("folder_resnet18");

    assertThat(model.items()).isEmpty();
    assertThat(model.messageProperty().get()).matches("config.yaml:3:\\d+: .*three.*");
  }

  @Test
  void thumbnailsAreRealDecodedImagesShrunkToTheCellSize() {
    select("folder_resnet18");
    ThumbnailLoader loader = model.thumbnailsProperty().get();
    List<Optional<Pixels>> got = new ArrayList<>();

    loader.request(0, got::add);

    assertThat(got).hasSize(1);
    Pixels p = got.get(0).orElseThrow();
    assertThat(p.width())
        .isEqualTo(48); // 48x48 PNGs are smaller than a thumbnail: kept as they are
    assertThat(p.height()).isEqualTo(48);
    assertThat(java.util.Arrays.stream(p.argb()).distinct().count()).isGreaterThan(2);
  }

  @Test
  void anotherExperimentKeepsTheFiltersThatStillApplyAndTabSwitchesReloadNothing() {
    select("folder_resnet18");
    ClassFilter square =
        model.classChoices().stream().filter(c -> c.name().equals("square")).findFirst().get();
    model.classFilterProperty().set(square);
    model.splitFilterProperty().set(SplitFilter.validation(1));
    ThumbnailLoader loader = model.thumbnailsProperty().get();

    // an editor tab of the same experiment: nothing to reload, the thumbnails stay cached
    state.activeConfigProperty().set(new Shapes.Editor(Shapes.config(project, "folder_resnet18")));
    assertThat(model.thumbnailsProperty().get()).isSameAs(loader);

    select("csv_resnet18");
    assertThat(model.thumbnailsProperty().get()).isNotSameAs(loader);
    assertThat(model.classFilterProperty().get()).isEqualTo(square);
    assertThat(model.splitFilterProperty().get()).isEqualTo(SplitFilter.validation(1));
    assertThat(model.items())
        .isNotEmpty()
        .allMatch(i -> i.label().equals("square") && i.membership().equals("val fold 1"));
  }

  @Test
  void anUnreadableImageGetsAnEmptyThumbnailAndTheOthersStillLoad() throws IOException {
    select("csv_resnet18");
    DatasetItem first = model.items().get(0);
    Files.writeString(
        project
            .resolve("data/images")
            .resolve(first.id().replace("circle_", "circle/circle_") + ".png"),
        "");
    List<Optional<Pixels>> got = new ArrayList<>();

    model.thumbnailsProperty().get().request(first.index(), got::add);
    model.thumbnailsProperty().get().request(model.items().get(1).index(), got::add);

    assertThat(got).hasSize(2);
    assertThat(got.get(0)).isEmpty();
    assertThat(got.get(1)).isPresent();
  }

  private ExperimentSplits planAsFitDoes(Path config) throws IOException {
    var loaded = new ExperimentLoader().load(config);
    var cfg = loaded.config().orElseThrow();
    ExperimentData data = ExperimentData.from(cfg, project).data().orElseThrow();
    return ExperimentSplits.plan(data.dataSet(), SplitSettings.of(cfg.data()), config);
  }

  private static List<Integer> boxed(int[] a) {
    return java.util.Arrays.stream(a).boxed().toList();
  }

  private static Map<String, Integer> filesPerClassFolder(Path images) throws IOException {
    try (Stream<Path> classes = Files.list(images)) {
      return classes.collect(
          Collectors.toMap(
              c -> c.getFileName().toString(),
              c -> {
                try (Stream<Path> files = Files.list(c)) {
                  return (int) files.filter(f -> f.toString().endsWith(".png")).count();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              },
              (a, b) -> a,
              java.util.TreeMap::new));
    }
  }
}
