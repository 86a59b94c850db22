package dev.musket.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingEventTest {

  @Test
  void epochEndedCopiesItsMetricsSortedAndUnmodifiable() {
    Map<String, Double> metrics = new HashMap<>(Map.of("val_loss", 0.5, "loss", 0.4));
    var event = new TrainingEvent.EpochEnded("e", 0, 0, 3, metrics);
    metrics.put("lr", 0.1);

    assertThat(event.metrics()).containsOnlyKeys("loss", "val_loss");
    assertThat(event.metrics().keySet()).containsExactly("loss", "val_loss");
    assertThatThrownBy(() -> event.metrics().put("x", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    List<TrainingEvent> seen = new ArrayList<>();
    TrainingListener broken =
        e -> {
          throw new IllegalStateException("broken chart");
        };
    TrainingListener all = TrainingListeners.of(broken, seen::add);

    all.onEvent(new TrainingEvent.RunStarted("e", 2, 2));

    assertThat(seen).hasSize(1);
  }

  @Test
  void cancellationKeepsTheFirstReasonAndUnwindsByException() {
    CancellationToken token = new CancellationToken();
    assertThat(token.isCancelled()).isFalse();
    token.throwIfCancelled();

    token.cancel("time limit");
    token.cancel("user");

    assertThat(token.isCancelled()).isTrue();
    assertThat(token.reason()).isEqualTo("time limit");
    assertThatThrownBy(token::throwIfCancelled)
        .isInstanceOf(TrainingCancelledException.class)
        .hasMessage("time limit");
  }

  @Test
  void cancellationTrippedOnAnotherThreadIsSeen() throws Exception {
    CancellationToken token = new CancellationToken();
    Thread ui = new Thread(token::cancel);
    ui.start();
    ui.join();

    assertThat(token.isCancelled()).isTrue();
  }
}
