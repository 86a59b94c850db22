package dev.musket.engine.train.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.events.TrainingEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

  @Test
  void stopsAfterPatienceEpochsWithoutImprovement() {
    var t = new CallbackTesting(0.01);
    var es = new EarlyStopping("val_loss", 2, "auto", 0, null, false);

    int stoppedAt = t.runEpochs(es, "val_loss", 1.0, 0.8, 0.9, 0.85, 0.7);

    assertThat(stoppedAt).isEqualTo(3);
    assertThat(es.best()).isEqualTo(0.8);
    assertThat(t.events)
        .containsExactly(new TrainingEvent.EarlyStopped("exp", 1, 0, 3, "val_loss", 0.8));
  }

  @Test
  void patienceZeroStopsAtTheFirstEpochThatDoesNotImprove() {
    var t = new CallbackTesting(0.01);
    var es = new EarlyStopping("val_loss", 0, "min", 0, null, false);

    assertThat(t.runEpochs(es, "val_loss", 1.0, 0.9, 0.9)).isEqualTo(2);
  }

  @Test
  void minDeltaMustBeBeatenWhenMinimising() {
    var t = new CallbackTesting(0.01);
    var es = new EarlyStopping("val_loss", 1, "min", 0.1, null, false);

    // 0.95 is only 0.05 better than 1.0: no improvement
    assertThat(t.runEpochs(es, "val_loss", 1.0, 0.95)).isEqualTo(1);
    assertThat(es.best()).isEqualTo(1.0);
  }

  @Test
  void minDeltaMustBeBeatenWhenMaximising() {
    var t = new CallbackTesting(0.01);
    var es = new EarlyStopping("val_acc", 1, "max", 0.1, null, false);

    assertThat(t.runEpochs(es, "val_acc", 0.5, 0.65, 0.7)).isEqualTo(2);
    assertThat(es.best()).isEqualTo(0.65);
  }

  @Test
  void autoMaximisesNamesContainingAcc() {
    var es = new EarlyStopping("val_binary_accuracy", 0, "auto", 0, null, false);
    var loss = new EarlyStopping("val_macro_f1", 0, "auto", 0, null, false);

    assertThat(es.mode()).isEqualTo(MonitorMode.MAX);
    assertThat(loss.mode()).isEqualTo(MonitorMode.MIN); // Keras 2.2.4's rule, kept on purpose
  }

  @Test
  void baselineMustBeBeatenFromTheStart() {
    var t = new CallbackTesting(0.01);
    var es = new EarlyStopping("val_acc", 2, "max", 0, 0.9, false);

    assertThat(t.runEpochs(es, "val_acc", 0.5, 0.6)).isEqualTo(1);
    assertThat(es.best()).isEqualTo(0.9);
  }

  @Test
  void restoresTheWeightsOfTheBestEpochWhenStopping() {
    var t = new CallbackTesting(0.01);
    var es = new EarlyStopping("val_loss", 2, "min", 0, null, true);

    t.runEpochs(es, "val_loss", 1.0, 0.5, 0.7, 0.8);

    assertThat(t.restoredVersion).isEqualTo(1);
  }

  @Test
  void aMissingMonitorNeitherStopsNorCounts() {
    var t = new CallbackTesting(0.01);
    var es = new EarlyStopping("val_loss", 0, "min", 0, null, false);
    es.onStageStart(t.context(1));

    es.onEpochEnd(0, Map.of("loss", 1.0));

    assertThat(es.shouldStop()).isFalse();
    assertThat(es.waitCount()).isZero();
  }

  @Test
  void stateRoundTripContinuesTheCount() {
    var t = new CallbackTesting(0.01);
    var before = new EarlyStopping("val_loss", 3, "min", 0, null, false);
    t.runEpochs(before, "val_loss", 1.0, 0.5, 0.6, 0.7);
    Map<String, Object> saved = before.state();

    var after = new EarlyStopping("val_loss", 3, "min", 0, null, false);
    after.onStageStart(t.context(1));
    after.restoreState(saved);
    after.onEpochEnd(4, CallbackTesting.row("val_loss", 0.55));

    assertThat(after.best()).isEqualTo(0.5);
    assertThat(after.shouldStop()).isTrue();
  }
}
