package dev.musket.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MetricsBufferTest {

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void concurrentProduceAndDrainLosesNothingAndKeepsOrder() throws Exception {
    MetricsBuffer buffer = new MetricsBuffer();
    int count = 200_000;
    CountDownLatch done = new CountDownLatch(1);
    Thread producer =
        new Thread(
            () -> {
              for (int i = 0; i < count; i++) {
                buffer.onEvent(new TrainingEvent.BatchEnded("e", 0, 0, 0, i, 0.5, 0.001, 100));
              }
              done.countDown();
            },
            "training");
    List<TrainingEvent> received = new ArrayList<>();
    int drains = 0;
    producer.start();
    while (done.getCount() > 0 || !buffer.isEmpty()) {
      buffer.drainTo(received::add);
      drains++;
      Thread.onSpinWait();
    }
    producer.join();
    buffer.drainTo(received::add);

    assertThat(received).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(((TrainingEvent.BatchEnded) received.get(i)).batch()).isEqualTo(i);
    }
    assertThat(drains).isGreaterThan(0);
  }

  @Test
  void drainReturnsWhatArrivedSinceTheLastDrain() {
    MetricsBuffer buffer = new MetricsBuffer();
    buffer.onEvent(new TrainingEvent.FoldStarted("e", 0));
    buffer.onEvent(new TrainingEvent.FoldEnded("e", 0));

    assertThat(buffer.drain()).hasSize(2);
    assertThat(buffer.drain()).isEmpty();
  }
}
