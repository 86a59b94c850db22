package dev.musket.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.events.TrainingListener;
import dev.musket.engine.train.callbacks.LearningRateControl;
import dev.musket.engine.train.callbacks.ModelWeights;
import dev.musket.engine.train.callbacks.MonitorMode;
import dev.musket.engine.train.callbacks.StageContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumePlannerTest {

  @TempDir Path dir;

  private ExperimentFolder folder() {
    return ExperimentFolder.of(dir);
  }

  private ResumePlanner planner() {
    return new ResumePlanner(folder(), "val_binary_accuracy", MonitorMode.MAX);
  }

  private void writeLog(String text) throws IOException {
    Files.createDirectories(folder().metricsDir());
    Files.writeString(folder().metricsCsv(1, 0), text);
  }

  @Test
  void aStageWithNothingLoggedStartsFresh() throws IOException {
    assertThat(planner().plan(1, 0, 5, 0.01)).isEqualTo(new StagePlan.Fresh());
  }

  @Test
  void aMusketLogContinuesWithTheLowestRateAndTheBestMetric() throws IOException {
    writeLog(
        "epoch,loss,lr,val_binary_accuracy\n0,1.0,0.01,0.6\n1,0.9,0.005,0.8\n2,0.8,0.005,0.7\n");

    var plan = (StagePlan.Continue) planner().plan(1, 0, 5, 0.01);

    assertThat(plan.nextEpoch()).isEqualTo(3);
    assertThat(plan.learningRate()).isEqualTo(0.005);
    assertThat(plan.bestMetric()).isEqualTo(0.8);
    assertThat(plan.state()).isEmpty();
    assertThat(plan.describe()).isEqualTo("fold 1, stage 0, epoch 3");
  }

  @Test
  void aStageWhoseEpochsAllRanIsSkipped() throws IOException {
    writeLog("epoch,loss\n0,1.0\n1,0.9\n");

    assertThat(planner().plan(1, 0, 2, 0.01))
        .isEqualTo(new StagePlan.Done(folder().bestWeights(1, 0)));
  }

  @Test
  void theResumeStateWinsOverRowsWrittenAfterIt() throws IOException {
    // killed after writing epoch 3's row but before saving epoch 3's resume state
    writeLog("epoch,loss,lr\n0,1.0,0.1\n1,0.9,0.1\n2,0.8,0.1\n3,0.7,0.1\n");
    var state =
        new ResumeState(
            1, 0, 2, false, 0.05, 0.9, Map.of("best", 0.9), List.of(Map.of("wait", 1)), Map.of());
    folder().saveResumeState(state);

    var plan = (StagePlan.Continue) planner().plan(1, 0, 10, 0.01);

    assertThat(plan.nextEpoch()).isEqualTo(3);
    assertThat(plan.learningRate()).isEqualTo(0.05);
    assertThat(plan.state()).isPresent();

    // the logger continues the file without the orphan row
    var logger = new MetricsCsvLogger(folder());
    logger.onStageStart(
        new StageContext(
            "e",
            1,
            0,
            10,
            4,
            plan.nextEpoch(),
            new LearningRateControl.Holder(0.05),
            ModelWeights.NONE,
            TrainingListener.NONE));
    logger.onEpochEnd(3, Map.of("loss", 0.6, "lr", 0.05));
    assertThat(Files.readAllLines(folder().metricsCsv(1, 0)))
        .containsExactly("epoch,loss,lr", "0,1.0,0.1", "1,0.9,0.1", "2,0.8,0.1", "3,0.6,0.05");
  }

  @Test
  void aStageACallbackStoppedIsDoneEvenWithEpochsLeft() throws IOException {
    folder()
        .saveResumeState(new ResumeState(1, 0, 2, true, 0.05, null, Map.of(), List.of(), Map.of()));

    assertThat(planner().plan(1, 0, 50, 0.01)).isInstanceOf(StagePlan.Done.class);
  }

  @Test
  void aResumeStateAtTheLastEpochMeansDone() throws IOException {
    folder()
        .saveResumeState(
            new ResumeState(1, 0, 4, false, 0.05, null, Map.of(), List.of(), Map.of()));

    assertThat(planner().plan(1, 0, 5, 0.01)).isInstanceOf(StagePlan.Done.class);
  }

  @Test
  void aFreshStageLogStartsANewFile() throws IOException {
    writeLog("epoch,loss\n0,9.0\n");
    var logger = new MetricsCsvLogger(folder());
    logger.onStageStart(
        new StageContext(
            "e",
            1,
            0,
            3,
            4,
            0,
            new LearningRateControl.Holder(0.05),
            ModelWeights.NONE,
            TrainingListener.NONE));

    logger.onEpochEnd(0, Map.of("loss", 1.0));

    assertThat(Files.readAllLines(folder().metricsCsv(1, 0)))
        .containsExactly("epoch,loss", "0,1.0");
    assertThat(Optional.of(logger.name())).contains("CSVLogger");
  }
}
