package dev.musket.engine.data.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Looking at an experiment's splits (the workbench's dataset view) changes nothing on disk. */
class PeekSplitsTest {

  static final SplitSettings S = new SplitSettings(0.2, 123, 3, 33, true, 0.2);

  @Test
  void peekingWritesNoSidecarAndSeesWhatPlanningWillWrite(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.yaml");

    ExperimentSplits peeked = ExperimentSplits.peek(SplitsTest.labels(40, 2), S, config);

    assertThat(SplitFiles.holdoutFile(config)).doesNotExist();
    assertThat(SplitFiles.foldsFile(config)).doesNotExist();
    ExperimentSplits planned = ExperimentSplits.plan(SplitsTest.labels(40, 2), S, config);
    assertThat(peeked.holdout().heldOut()).isEqualTo(planned.holdout().heldOut());
    for (int f = 0; f < 3; f++) {
      assertThat(peeked.folds().get(f).heldOut()).isEqualTo(planned.folds().get(f).heldOut());
    }
  }

  @Test
  void peekingReadsTheSidecarsAFitWrote(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.yaml");
    ExperimentSplits written = ExperimentSplits.plan(SplitsTest.labels(40, 2), S, config);

    // other seeds would split differently: the saved files still win, as they do for a resume
    SplitSettings otherSeeds = new SplitSettings(0.2, 7, 3, 8, true, 0.2);
    ExperimentSplits peeked = ExperimentSplits.peek(SplitsTest.labels(40, 2), otherSeeds, config);

    assertThat(peeked.holdout().heldOut()).isEqualTo(written.holdout().heldOut());
    assertThat(peeked.folds().get(1).heldOut()).isEqualTo(written.folds().get(1).heldOut());
  }
}
