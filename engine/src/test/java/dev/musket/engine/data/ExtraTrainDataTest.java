package dev.musket.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.data.split.ExperimentSplits;
import dev.musket.engine.data.split.Split;
import dev.musket.engine.data.split.SplitFiles;
import dev.musket.engine.data.split.SplitSettings;
import dev.musket.engine.testing.TinyProjects;
import dev.musket.engine.testing.TinyProjects.Greys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code extra_train_data} as the data assembly builds it: the extra items come after the dataset's
 * own, join every fold's training items and nothing else, and the split files index the dataset
 * alone.
 */
class ExtraTrainDataTest {

  private static final int MAIN = 12; // 6 bright + 6 dark
  private static final int EXTRA = 6; // 3 + 3

  private static final String CONFIG =
      """
      #%%Musket Classification 1.0
      architecture: ResNet18
      shape: [32, 32, 3]
      classes: 2
      activation: sigmoid
      loss: binary_crossentropy
      metrics: [binary_accuracy]
      optimizer: Adam
      folds_count: 3
      testSplit: 0.25
      stages:
        - epochs: 1
      dataset:
        image_folder: [data/images]
      datasets:
        more: {image_folder: [data/extra]}
      %s
      """;

  @TempDir Path project;

  private Path write(String extraTrainData) throws IOException {
    TinyProjects.images(project.resolve("data/images"), MAIN / 2, new Random(1), Greys.PLAIN);
    if (!Files.isDirectory(project.resolve("data/extra"))) {
      TinyProjects.images(project.resolve("data/extra"), EXTRA / 2, new Random(2), Greys.PLAIN);
    }
    return TinyProjects.experiment(project, "x", CONFIG.formatted(extraTrainData))
        .resolve("config.yaml");
  }

  private static ExperimentConfig load(Path config) {
    ExperimentLoader.Loaded loaded = new ExperimentLoader().load(config);
    assertThat(loaded.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    return loaded.config().orElseThrow();
  }

  private ExperimentData training(Path config) {
    ExperimentData.Build build = ExperimentData.forTraining(load(config), project);
    assertThat(build.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    return build.data().orElseThrow();
  }

  @Test
  void extraItemsJoinEveryFoldsTrainingAndNeverItsValidationNorTheHoldout() throws IOException {
    Path config = write("extra_train_data: more");
    ExperimentConfig cfg = load(config);
    ExperimentData data = training(config);
    ExperimentSplits splits =
        ExperimentSplits.plan(data.dataSet(), SplitSettings.of(cfg.data()), config);

    assertThat(data.dataSet().size()).isEqualTo(MAIN);
    assertThat(data.trainingDataSet().size()).isEqualTo(MAIN + EXTRA);
    int[] extra = IntStream.range(MAIN, MAIN + EXTRA).toArray();
    assertThat(splits.holdout().heldOut()).isNotEmpty();
    assertThat(Arrays.stream(splits.holdout().heldOut()).max().orElseThrow()).isLessThan(MAIN);
    for (Split fold : splits.folds()) {
      int[] train = data.withExtraTraining(fold.train());
      assertThat(train)
          .startsWith(fold.train())
          .endsWith(extra)
          .hasSize(fold.train().length + EXTRA);
      assertThat(fold.heldOut()).isNotEmpty();
      assertThat(Arrays.stream(fold.heldOut()).max().orElseThrow()).isLessThan(MAIN);
    }
  }

  @Test
  void theSplitFilesIndexTheDatasetAlone() throws IOException {
    Path config = write("extra_train_data: more");
    ExperimentData data = training(config);
    ExperimentSplits.plan(data.dataSet(), SplitSettings.of(load(config).data()), config);

    Split holdout = SplitFiles.readHoldout(SplitFiles.holdoutFile(config)).orElseThrow();
    assertThat(indices(List.of(holdout))).containsExactlyInAnyOrder(range(MAIN));
    List<Split> folds = SplitFiles.readFolds(SplitFiles.foldsFile(config)).orElseThrow();
    for (Split fold : folds) {
      assertThat(indices(List.of(fold))).containsExactlyInAnyOrder(holdout.train());
    }
  }

  @Test
  void theExtraItemsAreTheExtraDatasetsWithTheirOwnTargets() throws IOException {
    ExperimentData data = training(write("extra_train_data: more"));
    DataSet extra = ImageFolderDataSets.load(project.resolve("data/extra"));

    for (int i = 0; i < EXTRA; i++) {
      assertThat(data.trainingDataSet().id(MAIN + i)).isEqualTo(extra.id(i));
      assertThat(data.trainingDataSet().target(MAIN + i)).isDeepEqualTo(extra.target(i));
      assertThat(data.trainingDataSet().item(MAIN + i).y()).isDeepEqualTo(extra.target(i));
    }
    for (int i = 0; i < MAIN; i++) {
      assertThat(data.trainingDataSet().id(i)).isEqualTo(data.dataSet().id(i));
    }
  }

  @Test
  void anInlineDatasetWorksLikeANamedOne() throws IOException {
    ExperimentData data = training(write("extra_train_data: {image_folder: [data/extra]}"));

    assertThat(data.trainingDataSet().size()).isEqualTo(MAIN + EXTRA);
  }

  @Test
  void extraClassesAreMatchedToTheDatasetsByName() throws IOException {
    // the extra folder has dark images only: its class 0 is the dataset's class 1
    TinyProjects.images(project.resolve("data/extra"), EXTRA / 2, new Random(2), Greys.PLAIN);
    deleteFolder(project.resolve("data/extra/bright"));
    ExperimentData data = training(write("extra_train_data: more"));

    assertThat(data.trainingDataSet().size()).isEqualTo(MAIN + EXTRA / 2);
    for (int i = MAIN; i < MAIN + EXTRA / 2; i++) {
      assertThat(data.trainingDataSet().target(i)).isDeepEqualTo(new float[][] {{0, 1}});
      assertThat(data.trainingDataSet().label(i)).isEqualTo("dark");
    }
  }

  @Test
  void anExtraClassTheDatasetLacksIsAnErrorAtTheExtraTrainDataLine() throws IOException {
    TinyProjects.images(project.resolve("data/extra"), EXTRA / 2, new Random(2), Greys.PLAIN);
    Files.move(project.resolve("data/extra/bright"), project.resolve("data/extra/grey"));
    Path config = write("extra_train_data: more");

    ExperimentData.Build build = ExperimentData.forTraining(load(config), project);

    assertThat(build.data()).isEmpty();
    assertThat(build.diagnostics())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.file()).isEqualTo(config);
              assertThat(d.position().line()).isEqualTo(17);
              assertThat(d.message())
                  .contains("extra_train_data has the classes [grey]")
                  .contains("[bright, dark]");
            });
  }

  @Test
  void aMissingExtraFolderIsAnErrorAtItsDatasetsEntry() throws IOException {
    Path config = write("extra_train_data: more");
    deleteFolder(project.resolve("data/extra"));

    ExperimentData.Build build = ExperimentData.forTraining(load(config), project);

    assertThat(build.data()).isEmpty();
    assertThat(build.diagnostics())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.position().line()).isEqualTo(16);
              assertThat(d.message()).contains("data/extra");
            });
  }

  @Test
  void withoutExtraTrainDataTheTrainingDataIsTheDataset() throws IOException {
    ExperimentData data = training(write(""));

    assertThat(data.trainingDataSet()).isSameAs(data.dataSet());
    assertThat(data.withExtraTraining(new int[] {3, 1, 2})).containsExactly(3, 1, 2);
  }

  @Test
  void predictingAndPreviewingLeaveTheExtraDataOut() throws IOException {
    ExperimentData.Build build =
        ExperimentData.from(load(write("extra_train_data: more")), project);

    assertThat(build.data().orElseThrow().trainingDataSet().size()).isEqualTo(MAIN);
  }

  private static int[] indices(List<Split> splits) {
    return splits.stream()
        .flatMapToInt(s -> IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.heldOut())))
        .toArray();
  }

  private static int[] range(int n) {
    return IntStream.range(0, n).toArray();
  }

  private static void deleteFolder(Path folder) throws IOException {
    try (var files = Files.walk(folder)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
