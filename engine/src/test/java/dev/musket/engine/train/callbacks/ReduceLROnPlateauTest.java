package dev.musket.engine.train.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.engine.events.TrainingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReduceLROnPlateauTest {

  /** The rate after each epoch for the given monitored values. */
  private static List<Double> rates(
      CallbackTesting t, ReduceLROnPlateau cb, String monitor, double... values) {
    List<Double> out = new ArrayList<>();
    cb.onStageStart(t.context(1));
    for (int e = 0; e < values.length; e++) {
      cb.onEpochEnd(e, CallbackTesting.row(monitor, values[e]));
      out.add(t.lr.learningRate());
    }
    return out;
  }

  @Test
  void reducesAfterPatienceThenCoolsDown() {
    var t = new CallbackTesting(0.1);
    var cb = new ReduceLROnPlateau("val_loss", 0.5, 2, "auto", 0.0, 1, 0.0);

    // e0 best=1.0; e1, e2 wait 1, 2 -> reduce to 0.05, cooldown 1;
    // e3 cooldown 1 -> 0 clears wait, then (out of cooldown) wait 1; e4 wait 2 -> reduce to 0.025
    List<Double> lrs = rates(t, cb, "val_loss", 1.0, 1.0, 1.0, 1.0, 1.0);

    assertThat(lrs).containsExactly(0.1, 0.1, 0.05, 0.05, 0.025);
    assertThat(t.events.get(0))
        .isEqualTo(
            new TrainingEvent.LearningRateChanged("exp", 1, 0, 2, 0.1, 0.05, "ReduceLROnPlateau"));
  }

  @Test
  void cooldownOfTwoSkipsCountingForTwoEpochs() {
    var t = new CallbackTesting(0.1);
    var cb = new ReduceLROnPlateau("val_loss", 0.5, 1, "min", 0.0, 2, 0.0);

    // e0 best; e1 wait1 -> reduce, cd=2; e2 cd->1 (in cooldown, no count); e3 cd->0, wait 1 ->
    // reduce
    assertThat(rates(t, cb, "val_loss", 1.0, 1.0, 1.0, 1.0))
        .containsExactly(0.1, 0.05, 0.05, 0.025);
  }

  @Test
  void neverGoesBelowMinLr() {
    var t = new CallbackTesting(0.1);
    var cb = new ReduceLROnPlateau("val_loss", 0.1, 0, "min", 0.0, 0, 0.05);

    // e0 improves (no reduction); e1 0.1 * 0.1 = 0.01 is clamped to 0.05; e2 is at min_lr already
    assertThat(rates(t, cb, "val_loss", 1.0, 1.0, 1.0)).containsExactly(0.1, 0.05, 0.05);
  }

  @Test
  void minDeltaMustBeBeaten() {
    var t = new CallbackTesting(0.1);
    var cb = new ReduceLROnPlateau("val_acc", 0.5, 1, "auto", 0.01, 0, 0.0);

    // auto on an 'acc' name maximises; 0.505 is not above 0.5 + 0.01
    assertThat(rates(t, cb, "val_acc", 0.5, 0.505, 0.6)).containsExactly(0.1, 0.05, 0.05);
  }

  @Test
  void refusesAFactorOfOneOrMore() {
    assertThatThrownBy(() -> new ReduceLROnPlateau("val_loss", 1.0, 1, "min", 0, 0, 0))
        .hasMessageContaining("factor >= 1.0");
  }

  @Test
  void stateRoundTripKeepsBestWaitAndCooldown() {
    var t = new CallbackTesting(0.1);
    var before = new ReduceLROnPlateau("val_loss", 0.5, 2, "min", 0.0, 3, 0.0);
    rates(t, before, "val_loss", 1.0, 1.0, 1.0);
    Map<String, Object> saved = before.state();

    assertThat(saved).containsEntry("best", 1.0).containsEntry("cooldownCounter", 3);
    var after = new ReduceLROnPlateau("val_loss", 0.5, 2, "min", 0.0, 3, 0.0);
    after.onStageStart(t.context(1));
    after.restoreState(saved);
    assertThat(after.state()).isEqualTo(saved);
  }
}
