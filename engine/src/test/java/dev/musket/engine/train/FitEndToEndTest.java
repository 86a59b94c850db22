package dev.musket.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.cli.MusketCli;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.MetricStats;
import dev.musket.engine.experiment.MetricsSummary;
import dev.musket.engine.experiment.MetricsTable;
import dev.musket.engine.experiment.SummaryStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Trains the tiny project once through {@code musket fit} and checks every file it leaves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class FitEndToEndTest {

  private Path project;
  private ExperimentFolder folder;
  private int exitCode;

  @BeforeAll
  void fit(@TempDir Path dir) throws IOException {
    project = TinyProject.create(dir.resolve("project"), 10);
    folder = ExperimentFolder.of(project.resolve("experiments/" + TinyProject.NAME));
    exitCode = MusketCli.run("fit", "--project", project.toString(), "--num_workers", "2");
  }

  @Test
  void fitSucceedsAndLeavesNoRunningMarkerOrError() {
    assertThat(exitCode).isZero();
    assertThat(folder.inProgressFile()).doesNotExist();
    assertThat(folder.errorFile()).doesNotExist();
    assertThat(folder.resumeDir()).doesNotExist();
  }

  @Test
  void everyFoldAndStageHasItsMetricsLogWithKerasColumns() throws IOException {
    for (int fold = 0; fold < 2; fold++) {
      for (int stage = 0; stage < 2; stage++) {
        Path csv = folder.metricsCsv(fold, stage);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0))
            .as(csv.toString())
            .isEqualTo("epoch,binary_accuracy,loss,lr,val_binary_accuracy,val_loss");
        MetricsTable table = MetricsTable.read(csv);
        assertThat(table.epochs()).containsExactly(0, 1, 2);
        for (MetricsTable.Row row : table.rows()) {
          for (String column : table.columns()) {
            assertThat(row.get(column)).as(csv + " " + column).isFinite();
          }
          assertThat(row.get("val_binary_accuracy")).isBetween(0.0, 1.0);
        }
        double firstLr = table.rows().get(0).get("lr");
        assertThat(firstLr).isEqualTo(stage == 0 ? 0.01 : 0.005);
      }
    }
  }

  @Test
  void aStageWithLogAllWritesItsPerBatchLogAndOnlyThatStage() throws IOException {
    for (int fold = 0; fold < 2; fold++) {
      assertThat(folder.metricsAllCsv(fold, 0)).doesNotExist();
      List<String> rows = Files.readAllLines(folder.metricsAllCsv(fold, 1));
      assertThat(rows.get(0)).isEqualTo("epoch,batch,loss,lr");
      assertThat(rows).hasSizeGreaterThan(2);
    }
  }

  @Test
  void everyFoldAndStageHasBestWeights() {
    for (int fold = 0; fold < 2; fold++) {
      for (int stage = 0; stage < 2; stage++) {
        assertThat(folder.bestWeights(fold, stage)).isNotEmptyFile();
      }
    }
  }

  @Test
  void summaryHoldsPerStageAndAllStagesStatisticsAndHoldoutValues() throws IOException {
    var status = folder.readSummary().orElseThrow();
    assertThat(status).isInstanceOf(SummaryStatus.Completed.class);
    var summary = ((SummaryStatus.Completed) status).summary();
    assertThat(summary.folds()).containsExactly(0, 1);
    assertThat(summary.cfgName()).isEqualTo("config.yaml");
    assertThat(summary.stages()).hasSize(2);
    for (MetricsSummary s :
        Stream.concat(summary.stages().stream(), Stream.of(summary.allStages())).toList()) {
      assertThat(s.folds()).containsOnlyKeys("binary_accuracy", "loss");
      assertThat(s.holdout()).containsOnlyKeys("binary_accuracy", "loss");
      for (MetricStats m : s.folds().values()) {
        assertThat(m.mean()).isBetween(m.min(), m.max());
        assertThat(m.std()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(m.max() - m.min());
      }
    }
    String yaml = Files.readString(folder.summaryFile());
    assertThat(yaml)
        .contains("completed: true")
        .contains("binary_accuracy_holdout:")
        .contains("allStages:")
        .contains("folds: [0, 1]");
  }

  @Test
  void splitSidecarsAreWrittenBesideTheConfig() {
    assertThat(folder.foldsSplitFile()).isNotEmptyFile();
    assertThat(folder.holdoutSplitFile()).isNotEmptyFile();
  }

  @Test
  void noTemporaryFileIsLeftAnywhere() throws IOException {
    try (Stream<Path> files = Files.walk(folder.dir())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void onlyReportRebuildsTheSameSummaryFromTheBestWeights() throws IOException {
    String before = Files.readString(folder.summaryFile());
    Files.delete(folder.summaryFile());
    assertThat(MusketCli.run("fit", "--project", project.toString(), "--only_report")).isZero();
    assertThat(Files.readString(folder.summaryFile())).isEqualTo(before);
  }

  @Test
  void gpuFlagsAreReportedAsIgnoredOnTheCpu() {
    var out = new java.io.ByteArrayOutputStream();
    var previous = System.out;
    System.setOut(new java.io.PrintStream(out, true));
    int code;
    try {
      code =
          MusketCli.run(
              "fit",
              "--project",
              project.toString(),
              "--name",
              TinyProject.NAME,
              "--only_report",
              "--num_gpus",
              "2",
              "--gpus_per_net",
              "2");
    } finally {
      System.setOut(previous);
    }
    assertThat(code).isZero();
    assertThat(out.toString())
        .containsOnlyOnce(
            "note: --num_gpus 2 --gpus_per_net 2 ignored: this build trains on the CPU")
        .contains("finished, summary.yaml written");
  }

  @Test
  void aCompletedExperimentIsNotTrainedAgainWithoutItsName() {
    var out = new java.io.ByteArrayOutputStream();
    var previous = System.out;
    System.setOut(new java.io.PrintStream(out, true));
    int code;
    try {
      code = MusketCli.run("fit", "--project", project.toString());
    } finally {
      System.setOut(previous);
    }
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("No experiments or all experiments already finished, nothing to launch");
  }
}
