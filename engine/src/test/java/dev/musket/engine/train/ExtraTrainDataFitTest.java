package dev.musket.engine.train;

import static java.util.Arrays.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.data.split.Split;
import dev.musket.engine.data.split.SplitFiles;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.ProjectExperiments;
import dev.musket.engine.testing.TinyProjects;
import dev.musket.engine.testing.TinyProjects.Greys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A fit with {@code extra_train_data} trains on the extra items and validates without them. */
@Timeout(200)
class ExtraTrainDataFitTest {

  static final String CONFIG =
      """
      #%Musket Classification 1.0
      architecture: TinyNet
      shape: [16, 16, 3]
      classes: 2
      activation: sigmoid
      loss: binary_crossentropy
      metrics: [binary_accuracy]
      primary_metric: val_binary_accuracy
      optimizer: Adam
      lr: 0.01
      batch: 4
      inference_batch: 8
      folds_count: 2
      dumpPredictionsToCSV: true
      stages:
        - epochs: 1
      dataset:
        image_folder: [data/images]
      datasets:
        more: {image_folder: [data/extra]}
      extra_train_data: more
      """;

  @TempDir Path dir;

  @Test
  void theExtraItemsAreTrainedOnInEveryFoldAndNeverValidated() throws IOException {
    Path project = TinyProject.create(dir, 8, CONFIG); // 16 items: 8 train, 8 validate per fold
    Path extra = project.resolve("data/extra");
    TinyProjects.images(extra, 4, new Random(3), Greys.PLAIN); // 8 more training items
    for (String label : List.of("bright", "dark")) {
      try (var files = Files.list(extra.resolve(label))) {
        for (Path f : files.toList()) {
          Files.move(f, f.resolveSibling("extra-" + f.getFileName()));
        }
      }
    }
    ExperimentConfig cfg =
        new ExperimentLoader()
            .load(ProjectExperiments.configOf(project, TinyProject.NAME))
            .config()
            .orElseThrow();
    List<TrainingEvent.BatchEnded> batches = new ArrayList<>();

    FitResult result =
        new ExperimentRunner()
            .fit(
                project,
                TinyProject.NAME,
                cfg,
                new FitOptions(false, false, List.of(), null, 2),
                e -> {
                  if (e instanceof TrainingEvent.BatchEnded b) {
                    batches.add(b);
                  }
                },
                new CancellationToken());

    assertThat(result.outcome()).isEqualTo(FitResult.Outcome.COMPLETED);
    // (8 of the fold + 8 extra) / batch 4: twice the batches the fold alone would give
    for (int fold = 0; fold < 2; fold++) {
      int f = fold;
      assertThat(batches.stream().filter(b -> b.fold() == f)).hasSize(4);
    }
    ExperimentFolder folder = ExperimentFolder.of(project.resolve("experiments/tiny"));
    List<String> validated = new ArrayList<>();
    for (int fold = 0; fold < 2; fold++) {
      List<String> rows =
          Files.readAllLines(folder.predictionsDir().resolve("validation" + fold + ".0-gt.csv"));
      validated.addAll(rows.subList(1, rows.size()));
    }
    assertThat(validated).hasSize(16).noneMatch(row -> row.contains("extra-"));
    // each fold of the split file divides the 16 items of the dataset, and nothing else
    for (Split fold : SplitFiles.readFolds(folder.foldsSplitFile()).orElseThrow()) {
      assertThat(IntStream.concat(stream(fold.train()), stream(fold.heldOut())).sorted().toArray())
          .containsExactly(IntStream.range(0, 16).toArray());
    }
  }
}
