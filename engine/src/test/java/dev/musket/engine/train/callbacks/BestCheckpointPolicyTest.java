package dev.musket.engine.train.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BestCheckpointPolicyTest {

  @Test
  void savesOnlyWhenStrictlyBetter() {
    var policy = new BestCheckpointPolicy("val_binary_accuracy", "auto");

    assertThat(policy.mode()).isEqualTo(MonitorMode.MAX);
    assertThat(policy.shouldSave(0, Map.of("val_binary_accuracy", 0.6))).isTrue();
    assertThat(policy.shouldSave(1, Map.of("val_binary_accuracy", 0.6))).isFalse();
    assertThat(policy.shouldSave(2, Map.of("val_binary_accuracy", 0.7))).isTrue();
    assertThat(policy.shouldSave(3, Map.of("val_binary_accuracy", Double.NaN))).isFalse();
    assertThat(policy.best()).isEqualTo(0.7);
  }

  @Test
  void minimisesLossesAndSkipsMissingMetrics() {
    var policy = new BestCheckpointPolicy("val_loss", "auto");

    assertThat(policy.shouldSave(0, Map.of("loss", 0.1))).isFalse();
    assertThat(policy.shouldSave(1, Map.of("val_loss", 0.5))).isTrue();
    assertThat(policy.shouldSave(2, Map.of("val_loss", 0.6))).isFalse();
  }

  @Test
  void fmeasureNamesAreMaximisedLikeKerasModelCheckpoint() {
    assertThat(new BestCheckpointPolicy("fmeasure", "auto").mode()).isEqualTo(MonitorMode.MAX);
    assertThat(new BestCheckpointPolicy("val_loss", "max").mode()).isEqualTo(MonitorMode.MAX);
  }

  @Test
  void aRestoredBestIsNotOverwrittenByAWorseEpoch() {
    var policy = new BestCheckpointPolicy("val_loss", "min");
    policy.restoreState(Map.of("best", 0.2));

    assertThat(policy.shouldSave(5, Map.of("val_loss", 0.3))).isFalse();
    assertThat(policy.state()).containsEntry("best", 0.2);
  }
}
