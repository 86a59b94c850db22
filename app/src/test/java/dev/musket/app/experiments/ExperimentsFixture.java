package dev.musket.app.experiments;

import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.ExperimentSummary;
import dev.musket.engine.experiment.MetricsCsvWriter;
import dev.musket.engine.experiment.MetricsSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project with three experiments that differ in exactly two keys ({@code architecture} and {@code
 * lr}), their folders written with the engine's own writers as a fit leaves them: one metrics CSV
 * per fold (three epochs), then {@code summary.yaml} (or Musket's {@code Error}).
 *
 * <pre>
 *   name        architecture  lr     status     best val_loss per fold   best val accuracy
 *   baseline    ResNet18      0.001  completed  0.5, 0.7 (mean 0.6)      0.8, 0.6 (0.7)
 *   deeper      ResNet34      0.001  completed  0.4, 0.4 (0.4)           0.65, 0.65 (0.65)
 *   group/fast  ResNet18      0.01   failed     0.9, 0.7 (0.8)           0.9, 0.8 (0.85)
 * </pre>
 */
final class ExperimentsFixture {

  static final String CONFIG =
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

  private ExperimentsFixture() {}

  static Path create(Path dir) throws IOException {
    Path project = Files.createDirectories(dir.resolve("flowers"));
    Files.writeString(project.resolve("common.yaml"), "batch: 8\n");
    ExperimentFolder baseline =
        trained(project, "baseline", "ResNet18", "0.001", new double[][] {{0.5, 0.8}, {0.7, 0.6}});
    complete(baseline, 0.68, 0.72);
    ExperimentFolder deeper =
        trained(project, "deeper", "ResNet34", "0.001", new double[][] {{0.4, 0.65}, {0.4, 0.65}});
    complete(deeper, 0.66, 0.64);
    ExperimentFolder fast =
        trained(project, "group/fast", "ResNet18", "0.01", new double[][] {{0.9, 0.9}, {0.7, 0.8}});
    fast.markFailed(List.of(new IllegalStateException("out of memory")));
    return project;
  }

  /** A config alone, as "New experiment" leaves it. */
  static ExperimentFolder config(Path project, String name, String arch, String lr)
      throws IOException {
    Path dir = Files.createDirectories(project.resolve("experiments").resolve(name));
    Files.writeString(dir.resolve("config.yaml"), CONFIG.formatted(arch, lr));
    return ExperimentFolder.of(dir);
  }

  /**
   * Per fold {@code {best val_loss, best val_categorical_accuracy}}: epoch 1 holds the best loss,
   * epoch 2 the best accuracy, as a curve that overfits a little would.
   */
  static ExperimentFolder trained(
      Path project, String name, String arch, String lr, double[][] bestPerFold)
      throws IOException {
    ExperimentFolder folder = config(project, name, arch, lr);
    for (int fold = 0; fold < bestPerFold.length; fold++) {
      double loss = bestPerFold[fold][0];
      double acc = bestPerFold[fold][1];
      MetricsCsvWriter csv = MetricsCsvWriter.create(folder.metricsCsv(fold, 0));
      csv.writeRow(0, row(1.2, 0.5, loss + 0.3, acc - 0.2));
      csv.writeRow(1, row(0.9, 0.7, loss, acc - 0.1));
      csv.writeRow(2, row(0.7, 0.8, loss + 0.1, acc));
    }
    return folder;
  }

  private static Map<String, Double> row(double loss, double acc, double valLoss, double valAcc) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("categorical_accuracy", acc);
    m.put("loss", loss);
    m.put("lr", 0.001);
    m.put("val_categorical_accuracy", valAcc);
    m.put("val_loss", valLoss);
    return m;
  }

  /** summary.yaml as a completed fit writes it: per-fold validation values of the ensemble. */
  static void complete(ExperimentFolder folder, double... accuracyPerFold) throws IOException {
    List<Double> acc = new ArrayList<>();
    List<Double> loss = new ArrayList<>();
    for (double a : accuracyPerFold) {
      acc.add(a);
      loss.add(1 - a);
    }
    MetricsSummary all =
        MetricsSummary.fromFoldValues(Map.of("categorical_accuracy", acc, "loss", loss), Map.of());
    List<Integer> folds = new ArrayList<>();
    for (int f = 0; f < accuracyPerFold.length; f++) {
      folds.add(f);
    }
    folder.writeSummary(new ExperimentSummary("config.yaml", 1.0, folds, List.of(all), all));
  }
}
