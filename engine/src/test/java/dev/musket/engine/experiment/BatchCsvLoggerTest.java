package dev.musket.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.events.TrainingListener;
import dev.musket.engine.train.callbacks.LearningRateControl;
import dev.musket.engine.train.callbacks.ModelWeights;
import dev.musket.engine.train.callbacks.StageContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCsvLoggerTest {

  @TempDir Path dir;

  private static StageContext context(int initialEpoch) {
    return new StageContext(
        "e",
        1,
        0,
        5,
        2,
        initialEpoch,
        new LearningRateControl.Holder(0.01),
        ModelWeights.NONE,
        TrainingListener.NONE);
  }

  private static void epoch(BatchCsvLogger log, int epoch) {
    log.onEpochStart(epoch);
    for (int b = 0; b < 2; b++) {
      log.onBatchStart(b);
      log.onBatchEnd(b, 0.5 / (epoch + 1));
    }
    log.onEpochEnd(epoch, Map.of());
  }

  @Test
  void writesOneRowPerBatchAtEachEpochEnd() throws IOException {
    ExperimentFolder f = ExperimentFolder.of(dir);
    var log = new BatchCsvLogger(f);
    log.onStageStart(context(0));
    epoch(log, 0);
    log.onEpochStart(1);
    log.onBatchStart(0);
    log.onBatchEnd(0, 0.3); // not flushed: the epoch did not end

    assertThat(f.metricsAllCsv(1, 0).getFileName()).hasToString("metrics-1.0.csvall.csv");
    assertThat(Files.readAllLines(f.metricsAllCsv(1, 0)))
        .containsExactly("epoch,batch,loss,lr", "0,0,0.5,0.01", "0,1,0.5,0.01");
  }

  @Test
  void aResumedStageKeepsTheEpochsBeforeTheResumePoint() throws IOException {
    ExperimentFolder f = ExperimentFolder.of(dir);
    var first = new BatchCsvLogger(f);
    first.onStageStart(context(0));
    epoch(first, 0);
    epoch(first, 1);

    var resumed = new BatchCsvLogger(f);
    resumed.onStageStart(context(1));
    epoch(resumed, 1);

    assertThat(Files.readAllLines(f.metricsAllCsv(1, 0)))
        .containsExactly(
            "epoch,batch,loss,lr",
            "0,0,0.5,0.01",
            "0,1,0.5,0.01",
            "1,0,0.25,0.01",
            "1,1,0.25,0.01");
  }
}
