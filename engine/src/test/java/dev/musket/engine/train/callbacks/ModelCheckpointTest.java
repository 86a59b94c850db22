package dev.musket.engine.train.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelCheckpointTest {

  private static final Path EXP = Path.of("/projects/p/experiments/e");

  @Test
  void fillsKerasFileNameTemplates() {
    assertThat(
            PythonFormat.format(
                "weights.{epoch:02d}-{val_loss:.2f}.hdf5", Map.of("epoch", 3, "val_loss", 0.4567)))
        .isEqualTo("weights.03-0.46.hdf5");
    assertThat(PythonFormat.format("w-{epoch}.h5", Map.of("epoch", 12))).isEqualTo("w-12.h5");
    assertThatThrownBy(() -> PythonFormat.format("{val_auc:.2f}", Map.of("epoch", 1)))
        .hasMessageContaining("{val_auc}");
  }

  @Test
  void savesEveryEpochUnlessSaveBestOnly() {
    var t = new CallbackTesting(0.1);
    var every = new ModelCheckpoint("ck/w-{epoch:02d}.weights", EXP, "val_loss", false, "auto");
    every.onStageStart(t.context(1));

    every.onEpochEnd(0, Map.of("val_loss", 0.5));
    every.onEpochEnd(1, Map.of("val_loss", 0.9));

    assertThat(t.saved)
        .containsExactly(EXP.resolve("ck/w-01.weights"), EXP.resolve("ck/w-02.weights"));
  }

  @Test
  void saveBestOnlySavesStrictImprovements() {
    var t = new CallbackTesting(0.1);
    var best = new ModelCheckpoint("best.weights", EXP, "val_acc", true, "auto");
    best.onStageStart(t.context(1));

    best.onEpochEnd(0, Map.of("val_acc", 0.5));
    best.onEpochEnd(1, Map.of("val_acc", 0.5));
    best.onEpochEnd(2, Map.of("loss", 0.1));
    best.onEpochEnd(3, Map.of("val_acc", 0.6));

    assertThat(t.saved).hasSize(2);
    assertThat(best.state()).containsEntry("best", 0.6);
  }

  @Test
  void needsAFilePath() {
    assertThatThrownBy(() -> new ModelCheckpoint(null, EXP, "val_loss", false, "auto"))
        .hasMessageContaining("'filepath'");
  }
}
