package dev.musket.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentFolderTest {

  @TempDir Path dir;

  private ExperimentFolder folder() throws IOException {
    Files.writeString(dir.resolve("config.yaml"), "epochs: 1\n");
    return ExperimentFolder.of(dir);
  }

  private static ExperimentSummary summary() {
    MetricsSummary stage0 =
        new MetricsSummary(
            Map.of("binary_accuracy", MetricStats.of(0.5, 0.7, 0.9)),
            Map.of("binary_accuracy", 0.75));
    MetricsSummary all =
        new MetricsSummary(
            Map.of("binary_accuracy", MetricStats.of(0.6, 0.8), "loss", MetricStats.of(0.25)),
            Map.of("binary_accuracy", 0.8));
    return new ExperimentSummary("config.yaml", 1.0, List.of(0, 1, 2), List.of(stage0), all);
  }

  @Test
  void namesFilesExactlyAsMusket() throws IOException {
    ExperimentFolder f = folder();
    Path d = f.dir();

    assertThat(d.relativize(f.metricsCsv(2, 1))).hasToString("metrics/metrics-2.1.csv");
    assertThat(d.relativize(f.metricsAllCsv(2, 1))).hasToString("metrics/metrics-2.1.csvall.csv");
    assertThat(d.relativize(f.bestWeights(2, 1))).hasToString("weights/best-2.1.weights");
    assertThat(d.relativize(f.lastWeights(0, 3))).hasToString("weights/last-0.3.weights");
    assertThat(d.relativize(f.summaryFile())).hasToString("summary.yaml");
    assertThat(d.relativize(f.inProgressFile())).hasToString("inProgress.yaml");
    assertThat(d.relativize(f.errorFile())).hasToString("error.yaml");
    assertThat(d.relativize(f.foldsSplitFile())).hasToString("config.yaml.folds_split");
    assertThat(d.relativize(f.holdoutSplitFile())).hasToString("config.yaml.holdout_split");
    assertThat(d.relativize(f.predictionsDir())).hasToString("predictions");
  }

  @Test
  void aGeneratedChildUsesItsConcreteConfigForSidecars() throws IOException {
    Files.writeString(dir.resolve("config_concrete.yaml"), "epochs: 1\n");

    ExperimentFolder f = ExperimentFolder.of(dir);

    assertThat(f.foldsSplitFile().getFileName()).hasToString("config_concrete.yaml.folds_split");
  }

  @Test
  void completedMeansASummaryExists() throws IOException {
    ExperimentFolder f = folder();
    assertThat(f.isCompleted()).isFalse();
    assertThat(f.readSummary()).isEmpty();

    f.writeSummary(summary());

    assertThat(f.isCompleted()).isTrue();
  }

  @Test
  void inProgressIsMarkedAndCleared() throws IOException {
    ExperimentFolder f = folder();

    f.markInProgress();
    assertThat(f.isInProgress()).isTrue();
    assertThat(Files.readString(f.inProgressFile())).isEqualTo("true\n");

    f.clearInProgress();
    assertThat(f.isInProgress()).isFalse();
  }

  @Test
  void summaryStatisticsArePopulationMeanMaxMinStd() {
    MetricStats s = MetricStats.of(0.5, 0.7, 0.9);

    assertThat(s.mean()).isCloseTo(0.7, within(1e-12));
    assertThat(s.max()).isEqualTo(0.9);
    assertThat(s.min()).isEqualTo(0.5);
    assertThat(s.std()).isCloseTo(Math.sqrt(0.08 / 3), within(1e-12));
    assertThat(MetricStats.of(0.25).std()).isZero();
  }

  @Test
  void aStageSummaryIsBuiltFromOneValuePerFold() {
    MetricsSummary s =
        MetricsSummary.fromFoldValues(
            Map.of("binary_accuracy", List.of(0.5, 0.7, 0.9)), Map.of("binary_accuracy", 0.75));

    assertThat(s.folds()).containsEntry("binary_accuracy", MetricStats.of(0.5, 0.7, 0.9));
    assertThat(s.holdout()).containsEntry("binary_accuracy", 0.75);
  }

  @Test
  void summaryIsWrittenInPyYamlStyle() throws IOException {
    ExperimentFolder f = folder();

    f.writeSummary(summary());

    assertThat(Files.readString(f.summaryFile()))
        .isEqualTo(
            """
            allStages:
              binary_accuracy: {max: 0.8, mean: 0.7, min: 0.6, std: 0.10000000000000003}
              binary_accuracy_holdout: 0.8
              loss: {max: 0.25, mean: 0.25, min: 0.25, std: 0.0}
            cfgName: config.yaml
            completed: true
            folds: [0, 1, 2]
            stages:
            - binary_accuracy: {max: 0.9, mean: 0.7000000000000001, min: 0.5, std: 0.16329931618554522}
              binary_accuracy_holdout: 0.75
            subsample: 1.0
            """);
  }

  @Test
  void summaryReadsBackAsWritten() throws IOException {
    ExperimentFolder f = folder();
    f.writeSummary(summary());

    SummaryStatus status = f.readSummary().orElseThrow();

    assertThat(status).isEqualTo(new SummaryStatus.Completed(summary()));
  }

  @Test
  void aFailedRunWritesItsTraceAndMarksTheSummary() throws IOException {
    ExperimentFolder f = folder();

    f.markFailed(List.of(new IllegalStateException("shape mismatch: 3 vs 4")));

    assertThat(f.readSummary()).contains(new SummaryStatus.Failed());
    assertThat(Files.readString(f.summaryFile())).isEqualTo("Error\n");
    assertThat(Files.readString(f.errorFile())).startsWith("errors:\n- trace: ");
    List<String> traces = f.readErrorTraces();
    assertThat(traces)
        .singleElement()
        .asString()
        .startsWith("java.lang.IllegalStateException: shape mismatch: 3 vs 4")
        .contains("at dev.musket.engine.experiment.ExperimentFolderTest");
  }

  @Test
  void aLaterSuccessRemovesTheOldError() throws IOException {
    ExperimentFolder f = folder();
    f.markFailed(List.of(new RuntimeException("boom")));

    f.writeSummary(summary());

    assertThat(f.errorFile()).doesNotExist();
  }

  @Test
  void cancelledRunsAreMarkedAsMusketDid() throws IOException {
    ExperimentFolder f = folder();
    f.markCancelled();
    assertThat(Files.readString(f.summaryFile())).isEqualTo("Cancelled\n");
    assertThat(f.readSummary()).contains(new SummaryStatus.Cancelled());

    Files.writeString(f.summaryFile(), "{canceled: true}\n");
    assertThat(f.readSummary()).contains(new SummaryStatus.Cancelled());

    Files.writeString(f.summaryFile(), "Error\n...\n"); // PyYAML's dump of a plain string
    assertThat(f.readSummary()).contains(new SummaryStatus.Failed());
  }

  @Test
  void cancellingWhileReportingAndSeedParentsAreWrittenAsMusketDid() throws IOException {
    ExperimentFolder f = folder();
    f.markCancelledWhileReporting();
    assertThat(Files.readString(f.summaryFile())).isEqualTo("{canceled: true}\n");
    assertThat(f.readSummary()).contains(new SummaryStatus.Cancelled());

    f.writeSeedsSummary(List.of(0.5, 0.7, 0.9));
    assertThat(f.readSummary())
        .contains(new SummaryStatus.SeedsAggregate(MetricStats.of(0.5, 0.7, 0.9)));
  }

  @Test
  void readsASummaryMusketWrote() throws IOException {
    ExperimentFolder f = folder();
    Files.writeString(
        f.summaryFile(),
        """
        allStages:
          dice: {max: 0.8946749116884245, mean: 0.8799628551168702, min: 0.8512279018375117,
            std: 0.015545121737934034}
          dice_holdout: 0.8792530163407674
        cfgName: config.yaml
        completed: true
        folds: [0, 1, 2, 3, 4]
        stages:
        - dice: {max: 0.9, mean: 0.88, min: 0.85, std: 0.01}
        subsample: 1.0
        """);

    var completed = (SummaryStatus.Completed) f.readSummary().orElseThrow();

    assertThat(completed.summary().folds()).containsExactly(0, 1, 2, 3, 4);
    assertThat(completed.summary().allStages().holdout()).containsEntry("dice", 0.8792530163407674);
    assertThat(completed.summary().stages().get(0).folds().get("dice").mean()).isEqualTo(0.88);
  }

  @Test
  void scorePrefersExperimentResultThenHoldoutThenTheFoldMean() {
    ExperimentSummary s = summary();

    assertThat(ExperimentScore.of(s, "val_binary_accuracy", "loss")).hasValue(0.25);
    assertThat(ExperimentScore.of(s, "val_binary_accuracy", null)).hasValue(0.8);
    assertThat(ExperimentScore.of(s, "val_loss", null)).hasValue(0.25);
    assertThat(ExperimentScore.of(s, "val_auc", null)).isEmpty();
  }

  @Test
  void writesLeaveNoTemporaryFiles() throws IOException {
    ExperimentFolder f = folder();
    f.markInProgress();
    f.writeSummary(summary());
    var csv = MetricsCsvWriter.create(f.metricsCsv(0, 0));
    for (int e = 0; e < 5; e++) {
      csv.writeRow(e, Map.of("loss", 1.0 / (e + 1)));
    }
    f.saveResumeState(new ResumeState(0, 0, 4, false, 0.01, 0.2, Map.of(), List.of(), Map.of()));
    f.markFailed(List.of(new RuntimeException("x")));

    try (Stream<Path> all = Files.walk(f.dir())) {
      assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void aKillBetweenWriteAndRenameLeavesTheOldFileIntact() throws IOException {
    ExperimentFolder f = folder();
    f.writeSummary(summary());
    String before = Files.readString(f.summaryFile());
    // What a kill after writing the temporary file and before the rename leaves behind:
    Path orphan = f.dir().resolve(".summary.yaml.4711.tmp");
    Files.writeString(orphan, "allStages:\n  binary_accur");

    assertThat(f.readSummary()).contains(new SummaryStatus.Completed(summary()));
    assertThat(Files.readString(f.summaryFile())).isEqualTo(before);
    assertThat(f.removeStaleTemporaryFiles()).isEqualTo(1);
    assertThat(orphan).doesNotExist();
  }

  @Test
  void aFailedRenameLeavesNoTemporaryFileBehind() throws IOException {
    ExperimentFolder f = folder();
    // A non-empty directory where the file should go makes the rename itself fail.
    Files.createDirectories(f.summaryFile());
    Files.writeString(f.summaryFile().resolve("x"), "x");

    assertThatThrownBy(() -> f.writeSummary(summary())).isInstanceOf(IOException.class);

    try (Stream<Path> files = Files.list(f.dir())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void readsEveryMetricsFileByFoldAndStage() throws IOException {
    ExperimentFolder f = folder();
    MetricsCsvWriter.create(f.metricsCsv(1, 0)).writeRow(0, Map.of("loss", 1.0));
    MetricsCsvWriter.create(f.metricsCsv(0, 1)).writeRow(0, Map.of("loss", 2.0));
    Files.writeString(f.metricsDir().resolve("notes.txt"), "x");

    var all = f.readAllMetrics();

    assertThat(all.keySet()).containsExactly(new FoldStage(0, 1), new FoldStage(1, 0));
  }

  @Test
  void aFreshRunClearsOldPredictionsAndSummary() throws IOException {
    ExperimentFolder f = folder();
    f.writeSummary(summary());
    Files.createDirectories(f.predictionsDir().resolve("sub"));
    Files.writeString(f.predictionsDir().resolve("sub/validation[0]0.npy"), "x");

    f.prepareFreshRun();

    assertThat(f.summaryFile()).doesNotExist();
    assertThat(f.predictionsDir()).doesNotExist();
  }
}
