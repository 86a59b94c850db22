package dev.musket.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.cli.MusketCli;
import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.ProjectExperiments;
import dev.musket.engine.experiment.SummaryStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How a fit ends: cancelled, reproducible, failed, timed out, refused. One quick stage each. */
@Timeout(200)
class RunnerBehaviourTest {

  static final String SHORT =
      TinyProject.CONFIG
          .replace("  - epochs: 3\n    lr: 0.005\n    unfreeze_encoder: true\n", "")
          .replace("- epochs: 3", "- epochs: 2");

  @TempDir Path dir;

  private static ExperimentConfig load(Path project) {
    return new ExperimentLoader()
        .load(ProjectExperiments.configOf(project, TinyProject.NAME))
        .config()
        .orElseThrow();
  }

  private static FitOptions onlyFoldZero() {
    return new FitOptions(false, false, List.of(0), null, 2);
  }

  @Test
  void cancellingStopsWithinOneBatchAndMarksTheExperimentCancelled() throws IOException {
    Path project = TinyProject.create(dir, 8, SHORT);
    CancellationToken token = new CancellationToken();
    List<TrainingEvent.BatchEnded> batches = new ArrayList<>();
    List<TrainingEvent> ends = new ArrayList<>();
    FitResult result =
        new ExperimentRunner()
            .fit(
                project,
                TinyProject.NAME,
                load(project),
                onlyFoldZero(),
                event -> {
                  if (event instanceof TrainingEvent.BatchEnded b) {
                    batches.add(b);
                    if (b.batch() == 1) {
                      token.cancel("test");
                    }
                  } else if (event instanceof TrainingEvent.RunCancelled) {
                    ends.add(event);
                  }
                },
                token);

    assertThat(result.outcome()).isEqualTo(FitResult.Outcome.CANCELLED);
    assertThat(batches).hasSize(2);
    assertThat(ends).hasSize(1);
    ExperimentFolder folder = ExperimentFolder.of(project.resolve("experiments/tiny"));
    assertThat(folder.readSummary()).contains(new SummaryStatus.Cancelled());
    assertThat(folder.inProgressFile()).doesNotExist();
  }

  @Test
  void theSameConfigAndSeedsGiveTheSameSplitsAndMetrics() throws IOException {
    List<String> runs = new ArrayList<>();
    for (String name : List.of("a", "b")) {
      Path project = TinyProject.create(dir.resolve(name), 8, SHORT);
      FitResult result =
          new ExperimentRunner()
              .fit(
                  project,
                  TinyProject.NAME,
                  load(project),
                  onlyFoldZero(),
                  event -> {},
                  new CancellationToken());
      assertThat(result.outcome()).isEqualTo(FitResult.Outcome.COMPLETED);
      ExperimentFolder folder = ExperimentFolder.of(project.resolve("experiments/tiny"));
      runs.add(
          Files.readString(folder.foldsSplitFile())
              + Files.readString(folder.holdoutSplitFile())
              + Files.readString(folder.metricsCsv(0, 0)));
    }
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
  }

  @Test
  void aFailingRunWritesItsStackTraceAndExitsWithOne() throws IOException {
    Path project =
        TinyProject.create(
            dir, 4, SHORT.replace("- epochs: 2", "- epochs: 2\n    initial_weights: missing.zip"));
    assertThat(MusketCli.run("fit", "--project", project.toString(), "--folds", "0")).isEqualTo(1);
    ExperimentFolder folder = ExperimentFolder.of(project.resolve("experiments/tiny"));
    assertThat(folder.readSummary()).contains(new SummaryStatus.Failed());
    assertThat(folder.readErrorTraces()).singleElement().asString().contains("missing.zip");
    assertThat(folder.inProgressFile()).doesNotExist();
  }

  @Test
  void theTimeLimitStopsAtAnEpochEndWithoutASummary() throws IOException {
    Path project = TinyProject.create(dir, 4, SHORT);
    FitResult result =
        new ExperimentRunner()
            .fit(
                project,
                TinyProject.NAME,
                load(project),
                new FitOptions(false, false, List.of(0), Duration.ZERO, 2),
                event -> {},
                new CancellationToken());
    assertThat(result.outcome()).isEqualTo(FitResult.Outcome.TIME_UP);
    ExperimentFolder folder = ExperimentFolder.of(project.resolve("experiments/tiny"));
    assertThat(folder.isCompleted()).isFalse();
    assertThat(folder.metricsCsv(0, 0))
        .hasContent(
            Files.readAllLines(folder.metricsCsv(0, 0)).get(0)
                + "\n"
                + Files.readAllLines(folder.metricsCsv(0, 0)).get(1));
    assertThat(folder.resumeStateFile(0, 0)).exists();
  }

  @Test
  void aMultiOutputNetworkLogsEveryHeadUnderKerasNames() throws IOException {
    String config =
        SHORT
            .replace("classes: 2", "classes: [2, 2]")
            .replace("activation: sigmoid", "activation: [softmax, sigmoid]")
            .replace(
                "loss: binary_crossentropy+0.5*dice_loss",
                "loss: [categorical_crossentropy, binary_crossentropy+0.5*dice_loss]")
            .replace("metrics: [binary_accuracy]", "metrics: [categorical_accuracy]")
            .replace("primary_metric: val_binary_accuracy", "primary_metric: val_loss")
            .replace("primary_metric_mode: max", "primary_metric_mode: min")
            .replace("monitor: val_loss}", "monitor: val_output_0_loss}")
            .replace(
                "  image_folder: [data/images]",
                "  csv: {path: data/items.csv, images: data/images, path_column: file,"
                    + " label_columns: [brightness, parity]}");
    Path project = TinyProject.create(dir, 6, config);
    StringBuilder csv = new StringBuilder("id,file,brightness,parity\n");
    for (String label : List.of("bright", "dark")) {
      for (int i = 0; i < 6; i++) {
        csv.append(label + i + "," + label + "/" + label + i + ".png," + label + ",p" + (i % 2))
            .append('\n');
      }
    }
    Files.writeString(project.resolve("data/items.csv"), csv.toString());

    assertThat(MusketCli.run("fit", "--project", project.toString(), "--folds", "0")).isZero();

    ExperimentFolder folder = ExperimentFolder.of(project.resolve("experiments/tiny"));
    assertThat(Files.readAllLines(folder.metricsCsv(0, 0)).get(0))
        .isEqualTo(
            "epoch,loss,lr,output_0_categorical_accuracy,output_0_loss,"
                + "output_1_categorical_accuracy,output_1_loss,val_loss,"
                + "val_output_0_categorical_accuracy,val_output_0_loss,"
                + "val_output_1_categorical_accuracy,val_output_1_loss");
    var summary = ((SummaryStatus.Completed) folder.readSummary().orElseThrow()).summary();
    assertThat(summary.allStages().folds())
        .containsOnlyKeys(
            "loss",
            "output_0_categorical_accuracy",
            "output_0_loss",
            "output_1_categorical_accuracy",
            "output_1_loss");
  }

  @Test
  void aFoldThatDoesNotExistIsRefusedWithoutTouchingTheExperiment() throws IOException {
    Path project = TinyProject.create(dir, 2, SHORT);
    assertThat(MusketCli.run("fit", "--project", project.toString(), "--folds", "5")).isEqualTo(1);
    ExperimentFolder folder = ExperimentFolder.of(project.resolve("experiments/tiny"));
    assertThat(folder.summaryFile()).doesNotExist();
    assertThat(folder.inProgressFile()).doesNotExist();
    assertThat(folder.errorFile()).doesNotExist();
  }

  @Test
  void eventsFollowTheRunFoldStageEpochLifecycle() throws IOException {
    Path project = TinyProject.create(dir, 4, SHORT);
    List<String> kinds = new ArrayList<>();
    FitResult result =
        new ExperimentRunner()
            .fit(
                project,
                TinyProject.NAME,
                load(project),
                onlyFoldZero(),
                event -> {
                  String kind = event.getClass().getSimpleName();
                  if (kinds.isEmpty() || !kinds.get(kinds.size() - 1).equals(kind)) {
                    kinds.add(kind);
                  }
                },
                new CancellationToken());

    assertThat(result.outcome()).isEqualTo(FitResult.Outcome.COMPLETED);
    assertThat(String.join(",", kinds))
        .startsWith("RunStarted,FoldStarted,StageStarted,EpochStarted,BatchEnded,EpochEnded")
        .contains("CheckpointSaved")
        .endsWith("StageEnded,FoldEnded,RunFinished");
  }

  @Test
  void aCyclicLearningRateChangesTheRateEveryBatch() throws IOException {
    String config =
        SHORT.replace(
            "  EarlyStopping: {patience: 2, monitor: val_loss}\n",
            "  CyclicLR: {base_lr: 0.001, max_lr: 0.01, step_size: 2}\n");
    Path project = TinyProject.create(dir, 10, config);
    List<Double> rates = new ArrayList<>();
    FitResult result =
        new ExperimentRunner()
            .fit(
                project,
                TinyProject.NAME,
                load(project),
                onlyFoldZero(),
                event -> {
                  if (event instanceof TrainingEvent.BatchEnded b) {
                    rates.add(b.lr());
                  }
                },
                new CancellationToken());

    assertThat(result.outcome()).isEqualTo(FitResult.Outcome.COMPLETED);
    assertThat(rates.stream().distinct().count()).isGreaterThan(2);
    assertThat(rates).allSatisfy(r -> assertThat(r).isBetween(0.001 - 1e-12, 0.01 + 1e-12));
  }

  @Test
  void aStageCanStartFromInitialWeights() throws IOException {
    Path project = TinyProject.create(dir, 4, SHORT);
    assertThat(MusketCli.run("fit", "--project", project.toString(), "--folds", "0")).isZero();
    Path best = project.resolve("experiments/tiny/weights/best-0.0.weights");
    Files.copy(best, project.resolve("start.weights"));
    TinyProject.experiment(
        project,
        "second",
        SHORT.replace("- epochs: 2", "- epochs: 1\n    initial_weights: start.weights"));
    assertThat(
            MusketCli.run(
                "fit", "--project", project.toString(), "--name", "second", "--folds", "0"))
        .isZero();
    assertThat(project.resolve("experiments/second/weights/best-0.0.weights")).isNotEmptyFile();
  }

  @Test
  void stageNegativesAreAppliedAsNumbersOrWords() throws IOException {
    Path project =
        TinyProject.create(
            dir,
            4,
            SHORT.replace(
                "- epochs: 2", "- epochs: 1\n    negatives: 0.5\n    validation_negatives: real"));
    assertThat(MusketCli.run("fit", "--project", project.toString(), "--folds", "0")).isZero();
  }

  @Test
  void aFolderWithoutResumePointsResumesByMusketsRuleFromTheMetricsLog() throws IOException {
    Path project = TinyProject.create(dir, 4, SHORT);
    assertThat(MusketCli.run("fit", "--project", project.toString(), "--folds", "0")).isZero();
    ExperimentFolder folder = ExperimentFolder.of(project.resolve("experiments/tiny"));
    Files.delete(folder.summaryFile());
    Files.writeString(folder.configFile(), SHORT.replace("- epochs: 2", "- epochs: 4"));

    assertThat(
            MusketCli.run("fit", "--project", project.toString(), "--folds", "0", "--allow_resume"))
        .isZero();

    assertThat(dev.musket.engine.experiment.MetricsTable.read(folder.metricsCsv(0, 0)).epochs())
        .containsExactly(0, 1, 2, 3);
    assertThat(folder.readSummary()).get().isInstanceOf(SummaryStatus.Completed.class);
  }

  @Test
  void dataThatCannotBeReadIsReportedAndNothingIsTrained() throws IOException {
    Path project =
        TinyProject.create(dir, 2, SHORT.replace("[data/images]", "[data/no-such-folder]"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    System.setOut(new PrintStream(out, true));
    int code;
    try {
      code = MusketCli.run("fit", "--project", project.toString());
    } finally {
      System.setOut(previous);
    }
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("no-such-folder").contains("not trained");
    assertThat(project.resolve("experiments/tiny/metrics")).doesNotExist();
  }

  @Test
  void anInvalidConfigIsReportedAsFileLineColumnAndExitsWithOne() throws IOException {
    Path project = TinyProject.create(dir, 2, SHORT.replace("batch: 4", "batch: four"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream previous = System.out;
    System.setOut(new PrintStream(out, true));
    int code;
    try {
      code = MusketCli.run("fit", "--project", project.toString(), "--name", "tiny");
    } finally {
      System.setOut(previous);
    }
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).containsPattern("config\\.yaml:\\d+:\\d+: error: .*batch");
  }
}
