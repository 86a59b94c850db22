package dev.musket.engine.train.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackListTest {

  @Test
  void callsEveryCallbackInOrder() {
    List<String> calls = new ArrayList<>();
    TrainingCallback a =
        new TrainingCallback() {
          @Override
          public void onEpochEnd(int epoch, Map<String, Double> metrics) {
            calls.add("a" + epoch);
          }
        };
    TrainingCallback b =
        new TrainingCallback() {
          @Override
          public void onEpochEnd(int epoch, Map<String, Double> metrics) {
            calls.add("b" + epoch);
          }
        };

    new CallbackList(List.of(a, b)).onEpochEnd(3, Map.of());

    assertThat(calls).containsExactly("a3", "b3");
  }

  @Test
  void saysWhichCallbackStopped() {
    var t = new CallbackTesting(0.1);
    var nan = new TerminateOnNaN();
    var list =
        new CallbackList(List.of(new EarlyStopping("val_loss", 5, "min", 0, null, false), nan));
    list.onStageStart(t.context(4));

    list.onBatchEnd(0, Double.NaN);

    assertThat(list.shouldStop()).isTrue();
    assertThat(list.stoppedBy()).containsSame(nan);
  }

  @Test
  void statesRoundTripAsOneList() {
    var t = new CallbackTesting(0.1);
    var before =
        new CallbackList(
            List.of(
                new ReduceLROnPlateau("val_loss", 0.5, 2, "min", 0, 1, 0),
                new CyclicLR(0.001, 0.01, 4, CyclicLR.Mode.TRIANGULAR, 1, null)));
    before.onStageStart(t.context(4));
    before.onBatchEnd(0, 0.5);
    before.onEpochEnd(0, CallbackTesting.row("val_loss", 0.7));

    var after =
        new CallbackList(
            List.of(
                new ReduceLROnPlateau("val_loss", 0.5, 2, "min", 0, 1, 0),
                new CyclicLR(0.001, 0.01, 4, CyclicLR.Mode.TRIANGULAR, 1, null)));
    after.onStageStart(new CallbackTesting(0.1).context(4));
    after.restoreStates(before.states());

    assertThat(after.states()).isEqualTo(before.states());
  }

  @Test
  void refusesStatesOfADifferentCallbackList() {
    var list = new CallbackList(List.of(new TerminateOnNaN()));

    assertThatThrownBy(() -> list.restoreStates(List.of()))
        .hasMessageContaining("was the config changed");
  }
}
