package dev.musket.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectAnalyzerTest {

  @TempDir Path project;

  private static final String CONFIG =
      """
      #%%Musket Classification 1.0
      architecture: %s
      classes: 3
      activation: softmax
      shape: [32, 32, 3]
      lr: %s
      batch: 8
      callbacks:
        EarlyStopping: {patience: 3, monitor: val_loss}
      stages:
        - epochs: 3
      """;

  /** Writes an experiment and, per fold, a metrics CSV in Keras CSVLogger format. */
  private void experiment(String name, String arch, String lr, double... valLossPerFold)
      throws IOException {
    Path dir = Files.createDirectories(project.resolve("experiments").resolve(name));
    Files.writeString(dir.resolve("config.yaml"), CONFIG.formatted(arch, lr));
    Files.createDirectories(dir.resolve("metrics"));
    for (int fold = 0; fold < valLossPerFold.length; fold++) {
      double best = valLossPerFold[fold];
      Files.writeString(
          dir.resolve("metrics/metrics-" + fold + ".0.csv"),
          "epoch,categorical_accuracy,loss,lr,val_categorical_accuracy,val_loss\n"
              + "0,0.5,1.2,0.001,0.4,"
              + (best + 0.3)
              + "\n"
              + "1,0.7,0.9,0.001,0.6,"
              + best
              + "\n"
              + "2,0.8,0.7,0.0005,0.55,"
              + (best + 0.1)
              + "\n");
    }
  }

  @BeforeEach
  void threeExperimentsThatDifferInTwoKeys() throws IOException {
    experiment("a", "ResNet18", "0.001", 0.50, 0.70); // mean best val_loss 0.60
    experiment("b", "ResNet34", "0.001", 0.40, 0.40); // 0.40
    experiment("group/c", "ResNet18", "0.01", 0.90, 0.70); // 0.80
    Files.createDirectories(project.resolve("experiments/untrained"));
    Files.writeString(
        project.resolve("experiments/untrained/config.yaml"), CONFIG.formatted("VGG16", "0.1"));
  }

  @Test
  void showsExactlyTheTwoDifferingKeysAndSortsBestFirst() throws IOException {
    AnalysisReport report = new ProjectAnalyzer().analyze(project).sortedBy("val_loss");

    assertThat(report.keyColumns()).containsExactly("architecture", "lr");
    assertThat(report.header())
        .containsExactly(
            "path",
            "fold_count",
            "architecture",
            "lr",
            "categorical_accuracy",
            "loss",
            "val_categorical_accuracy",
            "val_loss");
    assertThat(report.rows())
        .extracting(AnalysisReport.Row::path)
        .containsExactly("b", "a", "group/c");
    assertThat(report.rows().get(0).foldCount()).isEqualTo(2);
    assertThat(report.rows().get(1).metrics().get("val_loss"))
        .isCloseTo(0.60, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(report.rows().get(1).metrics().get("val_categorical_accuracy")).isEqualTo(0.6);
    assertThat(report.rows().get(1).metrics().get("loss")).isEqualTo(0.7);
  }

  @Test
  void sortingByAnAccuracyPutsTheLargestFirst() throws IOException {
    experiment("b", "ResNet34", "0.001", 0.40, 0.40);
    Path csv = project.resolve("experiments/a/metrics/metrics-0.0.csv");
    Files.writeString(csv, Files.readString(csv).replace("0.6,0.5", "0.95,0.5"));
    AnalysisReport report =
        new ProjectAnalyzer().analyze(project).sortedBy("val_categorical_accuracy");
    assertThat(report.rows().get(0).path()).isEqualTo("a");
  }

  @Test
  void onlyMetricKeepsOneMetricColumnAndTheCsvIsWritten() throws IOException {
    AnalysisReport report =
        new ProjectAnalyzer().analyze(project).sortedBy("val_loss").onlyMetric("val_loss");
    assertThat(report.header())
        .containsExactly("path", "fold_count", "architecture", "lr", "val_loss");
    Path out = project.resolve("report.csv");
    report.writeCsv(out);
    assertThat(Files.readAllLines(out))
        .containsExactly(
            "path,fold_count,architecture,lr,val_loss",
            "b,2,ResNet34,0.001,0.400000",
            "a,2,ResNet18,0.001,0.600000",
            "group/c,2,ResNet18,0.01,0.800000");
    assertThat(report.toTable().lines().toList()).hasSize(4);
  }

  @Test
  void flatteningFollowsMusketsRules() {
    var doc =
        new dev.musket.engine.config.ConfigLoader()
            .parse(CONFIG.formatted("ResNet18", "0.1"), null);
    assertThat(ConfigFlattener.flatten(doc.root()))
        .containsEntry("shape", "[32, 32, 3]")
        .containsEntry("callbacks.EarlyStopping.patience", "3")
        .containsEntry("stages.0.epochs", "3");
    assertThat(
            ProjectAnalyzer.differingKeys(
                List.of(java.util.Map.of("a", "1"), java.util.Map.of("a", "1", "b", "2"))))
        .containsExactly("b");
  }

  @Test
  void experimentsListsEveryExperimentWithAllItsFlattenedKeys() throws IOException {
    List<ExperimentAnalysis> all = new ProjectAnalyzer().experiments(project);

    assertThat(all)
        .extracting(ExperimentAnalysis::path)
        .containsExactly("a", "b", "group/c", "untrained");
    ExperimentAnalysis untrained = all.get(3);
    assertThat(untrained.hasResults()).isFalse();
    assertThat(untrained.metrics()).isEmpty();
    assertThat(untrained.flatConfig())
        .containsEntry("architecture", "VGG16")
        .containsEntry("batch", "8")
        .containsEntry("stages.0.epochs", "3");
    assertThat(untrained.configText()).startsWith("#%Musket Classification 1.0");
    assertThat(all.get(0).hasResults()).isTrue();
  }

  @Test
  void anUnreadableConfigDoesNotMakeEveryKeyDiffer() throws IOException {
    Path broken = Files.createDirectories(project.resolve("experiments/broken"));
    Files.writeString(broken.resolve("config.yaml"), "architecture: [ResNet18\n");
    Files.createDirectories(broken.resolve("metrics"));
    Files.copy(
        project.resolve("experiments/a/metrics/metrics-0.0.csv"),
        broken.resolve("metrics/metrics-0.0.csv"));

    AnalysisReport report = new ProjectAnalyzer().analyze(project);

    assertThat(report.keyColumns()).containsExactly("architecture", "lr");
    assertThat(report.rows())
        .extracting(AnalysisReport.Row::path)
        .containsExactly("a", "b", "broken", "group/c");
    assertThat(report.rows().get(2).keys()).containsEntry("architecture", "");
  }
}
