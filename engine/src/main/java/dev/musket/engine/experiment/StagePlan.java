package dev.musket.engine.experiment;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code --allow_resume} does with one fold's stage, decided by {@link ResumePlanner} from
 * what the experiment folder holds.
 */
public sealed interface StagePlan {

  /** Nothing was trained yet: start at epoch 0. */
  record Fresh() implements StagePlan {}

  /**
   * All epochs ran: skip the stage, loading its best weights (Musket's {@code skip_stage}).
   *
   * @param bestWeights the stage's best checkpoint; it may be missing if no epoch ever improved
   */
  record Done(Path bestWeights) implements StagePlan {}

  /**
   * Continue at {@code nextEpoch}.
   *
   * @param learningRate the rate to continue with
   * @param bestMetric the best primary metric so far (for the checkpoint policy), if any
   * @param state this engine's full resume state; empty for a folder only Musket (or a run killed
   *     before its first resume point) wrote, which resumes as Musket did: from the best weights,
   *     the lowest logged rate and the best logged metric
   */
  record Continue(
      int fold,
      int stage,
      int nextEpoch,
      double learningRate,
      Double bestMetric,
      Optional<ResumeState> state)
      implements StagePlan {

    /** "fold 2, stage 1, epoch 7". */
    public String describe() {
      return "fold " + fold + ", stage " + stage + ", epoch " + nextEpoch;
    }
  }
}
