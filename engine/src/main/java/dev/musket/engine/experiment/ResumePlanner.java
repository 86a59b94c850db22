package dev.musket.engine.experiment;

import dev.musket.engine.train.callbacks.MonitorMode;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Decides where a resumed run picks up each fold's stage.
 *
 * <p>A stage a callback stopped early (its resume state says {@code stopped}) is done, not
 * continued. The trainer ends every epoch by writing the metrics row, then its checkpoint, then the
 * {@link ResumeState}; a kill can fall between any two. The resume state is therefore the
 * authority: the checkpoint beside it matches it, and metrics rows after it are dropped when the
 * log is continued. Without a resume state (a folder Musket wrote), Musket's own rule applies:
 * continue after the last logged epoch with the lowest logged learning rate and the best logged
 * primary metric.
 */
public final class ResumePlanner {

  private final ExperimentFolder folder;
  private final String primaryMetric;
  private final MonitorMode primaryMode;

  public ResumePlanner(ExperimentFolder folder, String primaryMetric, MonitorMode primaryMode) {
    this.folder = folder;
    this.primaryMetric = primaryMetric;
    this.primaryMode = primaryMode;
  }

  /**
   * @param epochs the stage's configured epoch count
   * @param configuredLr the stage's learning rate when nothing was logged
   */
  public StagePlan plan(int fold, int stage, int epochs, double configuredLr) throws IOException {
    Optional<ResumeState> state = folder.readResumeState(fold, stage);
    if (state.isPresent()) {
      ResumeState s = state.get();
      if (s.stopped() || s.nextEpoch() >= epochs) {
        return new StagePlan.Done(folder.bestWeights(fold, stage));
      }
      return new StagePlan.Continue(
          fold, stage, s.nextEpoch(), s.learningRate(), s.bestMetric(), state);
    }
    MetricsTable log = MetricsTable.read(folder.metricsCsv(fold, stage));
    int next = log.nextEpoch();
    if (next == 0) {
      return new StagePlan.Fresh();
    }
    if (next >= epochs) {
      return new StagePlan.Done(folder.bestWeights(fold, stage));
    }
    OptionalDouble lr = log.minLearningRate();
    OptionalDouble best = log.best(primaryMetric, primaryMode);
    return new StagePlan.Continue(
        fold,
        stage,
        next,
        lr.orElse(configuredLr),
        best.isPresent() ? best.getAsDouble() : null,
        Optional.empty());
  }
}
