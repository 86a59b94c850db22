package dev.musket.engine.train.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.events.TrainingEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrainingEventsCallbackTest {

  @Test
  void reportsTheStageWithTheRateEachBatchTrainedWithAndItsThroughput() {
    var t = new CallbackTesting(0.001);
    AtomicLong now = new AtomicLong();
    var clr = new CyclicLR(0.001, 0.003, 1, CyclicLR.Mode.TRIANGULAR, 1, null);
    var events = new TrainingEventsCallback(32, now::get);
    var list = new CallbackList(List.of(clr, events));

    list.onStageStart(t.context(2));
    list.onEpochStart(0);
    for (int b = 0; b < 2; b++) {
      list.onBatchStart(b);
      now.addAndGet(500_000_000L); // half a second per batch
      list.onBatchEnd(b, 0.7 - b * 0.1);
    }
    list.onEpochEnd(0, Map.of("loss", 0.65));
    list.onStageEnd();

    assertThat(t.events)
        .containsExactly(
            new TrainingEvent.StageStarted("exp", 1, 0, 100, 0, 0.001),
            new TrainingEvent.EpochStarted("exp", 1, 0, 0),
            new TrainingEvent.BatchEnded("exp", 1, 0, 0, 0, 0.7, 0.001, 64.0),
            new TrainingEvent.BatchEnded("exp", 1, 0, 0, 1, 0.6, 0.003, 64.0),
            new TrainingEvent.EpochEnded("exp", 1, 0, 0, Map.of("loss", 0.65)),
            new TrainingEvent.StageEnded("exp", 1, 0, 0));
  }
}
