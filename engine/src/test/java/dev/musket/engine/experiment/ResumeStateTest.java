package dev.musket.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.train.callbacks.CyclicLR;
import dev.musket.engine.train.callbacks.EarlyStopping;
import dev.musket.engine.train.callbacks.LRVariator;
import dev.musket.engine.train.callbacks.LrCurve;
import dev.musket.engine.train.callbacks.ReduceLROnPlateau;
import dev.musket.engine.train.callbacks.TrainingCallback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeStateTest {

  @TempDir Path dir;

  @Test
  void saysWhereTheRunPicksUp() {
    var s = new ResumeState(2, 1, 6, false, 0.001, 0.9, Map.of(), List.of(), Map.of());

    assertThat(s.nextEpoch()).isEqualTo(7);
    assertThat(s.describe()).isEqualTo("fold 2, stage 1, epoch 7");
  }

  @Test
  void roundTripsThroughTheFolderWithRealCallbackStates() throws IOException {
    ExperimentFolder f = ExperimentFolder.of(dir);
    List<TrainingCallback> callbacks =
        List.of(
            new EarlyStopping("val_loss", 3, "min", 0, null, false), // best still +inf
            new ReduceLROnPlateau("val_loss", 0.5, 2, "min", 1e-4, 1, 0),
            new CyclicLR(0.001, 0.006, 2000, CyclicLR.Mode.TRIANGULAR, 1, null),
            new LRVariator(
                0.01,
                0.0,
                LrCurve.parse("cos"),
                null,
                5,
                null,
                null,
                new ReduceLROnPlateau("val_acc", 0.5, 2, "max", 0, 0, 0)));
    var state =
        new ResumeState(
            1,
            0,
            3,
            false,
            2.5e-05,
            0.875,
            Map.of("best", 0.875),
            callbacks.stream().map(TrainingCallback::state).toList(),
            Map.of("dataSeed", 23232L, "iteration", 1234));

    f.saveResumeState(state);
    ResumeState read = f.readResumeState(1, 0).orElseThrow();

    assertThat(read.fold()).isEqualTo(1);
    assertThat(read.epoch()).isEqualTo(3);
    assertThat(read.learningRate()).isEqualTo(2.5e-05);
    assertThat(read.bestMetric()).isEqualTo(0.875);
    assertThat(read.checkpointState()).containsEntry("best", 0.875);
    assertThat(read.trainerState())
        .containsEntry("dataSeed", 23232)
        .containsEntry("iteration", 1234);
    assertThat(read.callbackStates().get(0)).containsEntry("best", Double.POSITIVE_INFINITY);
    assertThat(read.callbackStates().get(3)).containsKey("then");
    // every callback takes its state back
    for (int i = 0; i < callbacks.size(); i++) {
      callbacks.get(i).restoreState(read.callbackStates().get(i));
      assertThat(callbacks.get(i).state().toString())
          .isEqualTo(state.callbackStates().get(i).toString());
    }
  }

  @Test
  void theLatestResumePointIsTheFurthestFoldAndStage() throws IOException {
    ExperimentFolder f = ExperimentFolder.of(dir);
    f.saveResumeState(new ResumeState(0, 1, 9, false, 0.1, null, Map.of(), List.of(), Map.of()));
    f.saveResumeState(new ResumeState(1, 0, 2, false, 0.1, null, Map.of(), List.of(), Map.of()));

    assertThat(f.latestResumeState().orElseThrow().describe())
        .isEqualTo("fold 1, stage 0, epoch 3");
    assertThat(f.readResumeState(3, 3)).isEmpty();

    f.clearResumeStates();
    assertThat(f.latestResumeState()).isEmpty();
    assertThat(Files.exists(f.resumeDir())).isFalse();
  }
}
