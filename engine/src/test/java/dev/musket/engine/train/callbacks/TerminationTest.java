package dev.musket.engine.train.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminationTest {

  @Test
  void terminateOnNaNStopsRightAfterTheBadBatch() {
    var t = new CallbackTesting(0.1);
    var cb = new TerminateOnNaN();
    cb.onStageStart(t.context(10));

    cb.onBatchEnd(0, 0.7);
    assertThat(cb.shouldStop()).isFalse();
    cb.onBatchEnd(1, Double.NaN);
    assertThat(cb.shouldStop()).isTrue();
  }

  @Test
  void terminateOnNaNAlsoStopsOnInfiniteLoss() {
    var cb = new TerminateOnNaN();
    cb.onBatchEnd(0, Double.POSITIVE_INFINITY);

    assertThat(cb.shouldStop()).isTrue();
  }

  @Test
  void timeLimitStopsAtTheFirstEpochEndAfterTheDeadline() {
    AtomicLong now = new AtomicLong(0);
    var limit = new TimeLimit(Duration.ofSeconds(10), now::get);

    now.set(Duration.ofSeconds(9).toNanos());
    limit.onEpochEnd(0, Map.of());
    assertThat(limit.shouldStop()).isFalse();

    now.set(Duration.ofSeconds(11).toNanos());
    limit.onBatchEnd(5, 0.1);
    assertThat(limit.shouldStop()).isFalse(); // only epoch ends count, as in Musket
    limit.onEpochEnd(1, Map.of());
    assertThat(limit.shouldStop()).isTrue();
    assertThat(limit.expired()).isTrue();
  }
}
