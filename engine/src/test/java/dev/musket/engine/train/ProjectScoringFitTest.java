package dev.musket.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.MetricsSummary;
import dev.musket.engine.experiment.MetricsTable;
import dev.musket.engine.experiment.SummaryStatus;
import dev.musket.engine.testing.CliRun;
import dev.musket.engine.testing.TinyProjects;
import dev.musket.engine.testing.TinyProjects.Greys;
import dev.musket.engine.train.loss.ProjectLoss;
import dev.musket.engine.train.loss.WeightedSumLoss;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code musket fit} on a tiny project whose own code defines its loss and metrics ({@code
 * TinyProjects.SCORING_MODULE}): a composite loss with the project's term, a stage that switches to
 * the project's loss alone, project metrics logged per epoch (also as {@code val_}), monitored by
 * the checkpoint and EarlyStopping, and summarised. The GPU flags are given too: on this CPU build
 * they are reported, not dropped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class ProjectScoringFitTest {

  private static final String CONFIG =
      """
      #%Musket Classification 1.0
      architecture: TinyNet
      shape: [16, 16, 3]
      classes: 2
      activation: sigmoid
      loss: squared_margin+0.5*binary_crossentropy
      metrics: [project_mae, mae, rows_seen]
      primary_metric: val_project_mae
      primary_metric_mode: min
      optimizer: Adam
      lr: 0.01
      batch: 4
      inference_batch: 8
      folds_count: 2
      testSplit: 0.2
      callbacks:
        EarlyStopping: {patience: 5, monitor: val_project_mae}
      stages:
        - epochs: 2
        - epochs: 1
          loss: squared_margin
      dataset:
        image_folder: [data/images]
      """;

  private ExperimentFolder folder;
  private CliRun run;

  @BeforeAll
  void fit(@TempDir Path dir) throws IOException {
    Path project = dir.resolve("project");
    TinyProjects.writeModule(project, TinyProjects.TINY_NET);
    TinyProjects.writeModule(project, "Scoring.java", TinyProjects.SCORING_MODULE);
    TinyProjects.images(project.resolve("data/images"), 10, new Random(7), Greys.PLAIN);
    folder = ExperimentFolder.of(TinyProjects.experiment(project, "scored", CONFIG));
    run =
        CliRun.of(
            "fit",
            "--project",
            project.toString(),
            "--folds",
            "0",
            "--num_workers",
            "1",
            "--num_gpus",
            "2");
  }

  @Test
  void theRunCompletesAndSaysTheGpuFlagsAreIgnoredOnTheCpu() {
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .containsOnlyOnce("note: --num_gpus 2 ignored: this build trains on the CPU");
  }

  @Test
  void projectMetricsAreLoggedPerEpochAndEqualTheBuiltInTheyReimplement() throws IOException {
    for (int stage = 0; stage < 2; stage++) {
      MetricsTable table = MetricsTable.read(folder.metricsCsv(0, stage));
      assertThat(table.columns())
          .contains("project_mae", "val_project_mae", "rows_seen", "val_rows_seen", "loss");
      assertThat(table.rows()).hasSize(stage == 0 ? 2 : 1);
      for (MetricsTable.Row row : table.rows()) {
        assertThat(row.get("project_mae")).isCloseTo(row.get("mae"), within(1e-6));
        assertThat(row.get("val_project_mae")).isCloseTo(row.get("val_mae"), within(1e-6));
        // 20 images, 4 held out, 16 in two folds: each epoch saw all 8 of each side at once
        assertThat(row.get("rows_seen")).isEqualTo(8.0);
        assertThat(row.get("val_rows_seen")).isEqualTo(8.0);
        assertThat(row.get("loss")).isFinite().isPositive();
      }
    }
  }

  @Test
  void theMonitoredProjectMetricPicksTheBestWeightsAndReachesTheSummary() throws IOException {
    assertThat(folder.bestWeights(0, 0)).exists();
    assertThat(folder.bestWeights(0, 1)).exists();
    var summary = ((SummaryStatus.Completed) folder.readSummary().orElseThrow()).summary();
    MetricsSummary first = summary.stages().get(0);
    assertThat(first.folds()).containsKeys("project_mae", "rows_seen");
    assertThat(first.folds().get("project_mae").mean())
        .isCloseTo(first.folds().get("mae").mean(), within(1e-6));
    assertThat(first.holdout().get("rows_seen")).as("on the 4 holdout images").isEqualTo(4.0);
  }

  @Test
  void theSavedNetworksKeepTheProjectLossByNameAndLoadWithoutTheProject() throws IOException {
    ComputationGraph stage0 = NetworkFiles.load(folder.bestWeights(0, 0));
    ComputationGraph stage1 = NetworkFiles.load(folder.bestWeights(0, 1));

    var composite = (WeightedSumLoss) outputLoss(stage0);
    assertThat(composite.name()).isEqualTo("squared_margin+0.5*binary_crossentropy");
    assertThat(composite.getLosses()[0]).isInstanceOf(ProjectLoss.class);
    assertThat(outputLoss(stage1))
        .isInstanceOfSatisfying(
            ProjectLoss.class, l -> assertThat(l.name()).isEqualTo("squared_margin"));
  }

  private static org.nd4j.linalg.lossfunctions.ILossFunction outputLoss(ComputationGraph net) {
    return ((BaseOutputLayer) net.getOutputLayer(0).conf().getLayer()).getLossFn();
  }
}
