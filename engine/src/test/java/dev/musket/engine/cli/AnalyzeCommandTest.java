package dev.musket.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.MetricsCsvWriter;
import dev.musket.engine.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's "done when" for analyze, through the command line as a user runs it: over three
 * experiments that differ in exactly two keys the report has exactly those two key columns, {@code
 * --sortBy} really sorts (best first, by the metric's direction), {@code --onlyMetric} keeps one
 * metric, the CSV is written and the terminal gets a readable table.
 */
class AnalyzeCommandTest {

  private static final String CONFIG =
      """
      #%%Musket Classification 1.0
      architecture: %s
      classes: 3
      activation: softmax
      shape: [32, 32, 3]
      lr: %s
      metrics: [categorical_accuracy]
      primary_metric: val_categorical_accuracy
      callbacks:
        EarlyStopping: {patience: 3, monitor: val_loss}
      stages:
        - epochs: 3
      """;

  @TempDir Path project;

  /**
   * An experiment with one metrics CSV per fold, written by the engine's own writer; per fold the
   * best val_loss and the best val_categorical_accuracy are the given ones.
   */
  private void experiment(String name, String arch, String lr, double[] valLoss, double[] valAcc)
      throws IOException {
    Path dir = Files.createDirectories(project.resolve("experiments").resolve(name));
    Files.writeString(dir.resolve("config.yaml"), CONFIG.formatted(arch, lr));
    ExperimentFolder folder = ExperimentFolder.of(dir);
    for (int fold = 0; fold < valLoss.length; fold++) {
      MetricsCsvWriter csv = MetricsCsvWriter.create(folder.metricsCsv(fold, 0));
      csv.writeRow(0, metrics(1.2, 0.5, valLoss[fold] + 0.3, valAcc[fold] - 0.2));
      csv.writeRow(1, metrics(0.9, 0.7, valLoss[fold], valAcc[fold] - 0.1));
      csv.writeRow(2, metrics(0.7, 0.8, valLoss[fold] + 0.1, valAcc[fold]));
    }
  }

  private static Map<String, Double> metrics(
      double loss, double acc, double valLoss, double valAcc) {
    return Map.of(
        "loss", loss,
        "categorical_accuracy", acc,
        "val_loss", valLoss,
        "val_categorical_accuracy", valAcc,
        "lr", 0.001);
  }

  @BeforeEach
  void threeExperimentsThatDifferInTwoKeys() throws IOException {
    // by val_loss: b (0.40) < a (0.60) < group/c (0.80); by val accuracy: c > a > b
    experiment("a", "ResNet18", "0.001", new double[] {0.5, 0.7}, new double[] {0.8, 0.6});
    experiment("b", "ResNet34", "0.001", new double[] {0.4, 0.4}, new double[] {0.65, 0.65});
    experiment("group/c", "ResNet18", "0.01", new double[] {0.9, 0.7}, new double[] {0.9, 0.8});
    // not listed, and its keys do not count: no results yet
    Path untrained = Files.createDirectories(project.resolve("experiments/untrained"));
    Files.writeString(untrained.resolve("config.yaml"), CONFIG.formatted("VGG16", "0.5"));
    // an IDE snapshot holds a config copy with results; it is not an experiment
    Path snapshot = project.resolve("experiments/a/.history/1/a");
    Files.createDirectories(snapshot);
    Files.writeString(snapshot.resolve("config.yaml"), CONFIG.formatted("DenseNet121", "0.3"));
    Files.createDirectories(snapshot.resolve("metrics"));
    Files.copy(
        project.resolve("experiments/a/metrics/metrics-0.0.csv"),
        snapshot.resolve("metrics/metrics-0.0.csv"));
  }

  @Test
  void writesExactlyTheTwoDifferingKeysSortedByValLossByDefault() throws IOException {
    CliRun r = CliRun.of("analyze", "--project", project.toString());

    assertThat(r.exit()).isZero();
    assertThat(Files.readAllLines(project.resolve("report.csv")))
        .containsExactly(
            "path,fold_count,architecture,lr,categorical_accuracy,loss,"
                + "val_categorical_accuracy,val_loss",
            "b,2,ResNet34,0.001,0.800000,0.700000,0.650000,0.400000",
            "a,2,ResNet18,0.001,0.800000,0.700000,0.700000,0.600000",
            "group/c,2,ResNet18,0.01,0.800000,0.700000,0.850000,0.800000");
    assertThat(r.err()).contains("wrote " + project.resolve("report.csv"));
  }

  @Test
  void printsAnAlignedTableWithOneLinePerExperiment() {
    CliRun r = CliRun.of("analyze", "--project", project.toString());

    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).split(" +"))
        .containsExactly(
            "path",
            "fold_count",
            "architecture",
            "lr",
            "categorical_accuracy",
            "loss",
            "val_categorical_accuracy",
            "val_loss");
    assertThat(lines.subList(1, 4))
        .extracting(l -> l.split(" +")[0])
        .containsExactly("b", "a", "group/c");
    // columns line up: every value starts where its header does
    int lrAt = lines.get(0).indexOf(" lr ") + 1;
    assertThat(lines.get(3).substring(lrAt)).startsWith("0.01 ");
  }

  @Test
  void sortByAnAccuracyPutsTheLargestFirst(@TempDir Path out) throws IOException {
    Path csv = out.resolve("by-accuracy.csv");
    CliRun r =
        CliRun.of(
            "analyze",
            "--project",
            project.toString(),
            "--sortBy",
            "val_categorical_accuracy",
            "--output",
            csv.toString());

    assertThat(r.exit()).isZero();
    assertThat(Files.readAllLines(csv).subList(1, 4))
        .extracting(l -> l.split(",")[0])
        .containsExactly("group/c", "a", "b");
    assertThat(Files.exists(project.resolve("report.csv"))).isFalse();
  }

  @Test
  void onlyMetricKeepsThatMetricAndSortsByIt() throws IOException {
    CliRun r =
        CliRun.of(
            "analyze", "--project", project.toString(), "--onlyMetric", "val_categorical_accuracy");

    assertThat(r.exit()).isZero();
    assertThat(Files.readAllLines(project.resolve("report.csv")))
        .containsExactly(
            "path,fold_count,architecture,lr,val_categorical_accuracy",
            "group/c,2,ResNet18,0.01,0.850000",
            "a,2,ResNet18,0.001,0.700000",
            "b,2,ResNet34,0.001,0.650000");
  }

  @Test
  void anExplicitSortByWinsOverOnlyMetric() throws IOException {
    CliRun r =
        CliRun.of(
            "analyze",
            "--project",
            project.toString(),
            "--onlyMetric",
            "val_categorical_accuracy",
            "--sort-by",
            "val_loss");

    assertThat(r.exit()).isZero();
    assertThat(Files.readAllLines(project.resolve("report.csv")).subList(1, 4))
        .extracting(l -> l.split(",")[0])
        .containsExactly("b", "a", "group/c");
  }

  @Test
  void aMetricNoExperimentHasIsAnErrorThatNamesTheKnownOnes() {
    CliRun r = CliRun.of("analyze", "--project", project.toString(), "--sortBy", "val_acc");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("no experiment has the metric 'val_acc'")
        .contains("val_categorical_accuracy, val_loss");
    assertThat(Files.exists(project.resolve("report.csv"))).isFalse();
  }

  @Test
  void aProjectWithoutExperimentsFolderIsAnError(@TempDir Path empty) {
    CliRun r = CliRun.of("analyze", "--project", empty.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("has no experiments/ folder");
  }
}
