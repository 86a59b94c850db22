package dev.musket.app.training;

import dev.musket.engine.events.TrainingEvent;

/**
 * Follows one run's events and says where it is: "fold 1 (2 of 3) · stage 0/2 · epoch 4/10 · batch
 * 17", and an overall fraction for progress bars.
 *
 * <p>The fraction counts whole fold-stages plus the share of epochs done in the current one; the
 * number of batches per epoch is not known in advance, so batches only appear in the text.
 */
final class RunProgress {

  private int folds = 1;
  private int stages = 1;
  private int foldsDone;
  private int fold = -1;
  private int stage = -1;
  private int epochs = 1;
  private int epoch = -1;
  private int batch = -1;
  private double epochsDone;

  /** Takes one event into account. */
  void accept(TrainingEvent event) {
    if (event instanceof TrainingEvent.RunStarted e) {
      folds = Math.max(1, e.folds());
      stages = Math.max(1, e.stages());
    } else if (event instanceof TrainingEvent.FoldStarted e) {
      fold = e.fold();
      stage = -1;
    } else if (event instanceof TrainingEvent.FoldEnded) {
      foldsDone++;
      stage = -1;
    } else if (event instanceof TrainingEvent.StageStarted e) {
      stage = e.stage();
      epochs = Math.max(1, e.epochs());
      epoch = e.initialEpoch();
      epochsDone = e.initialEpoch();
      batch = -1;
    } else if (event instanceof TrainingEvent.EpochStarted e) {
      epoch = e.epoch();
      batch = -1;
    } else if (event instanceof TrainingEvent.BatchEnded e) {
      batch = e.batch();
    } else if (event instanceof TrainingEvent.EpochEnded e) {
      epochsDone = e.epoch() + 1;
    } else if (event instanceof TrainingEvent.StageEnded) {
      epochsDone = epochs;
    }
  }

  /** Overall progress in [0, 1], or -1 before the run reported its shape. */
  double fraction() {
    if (fold < 0) {
      return -1;
    }
    double stageShare = Math.min(1, epochsDone / epochs);
    double inFold = (Math.max(0, stage) + (stage < 0 ? 0 : stageShare)) / stages;
    return Math.min(1, (foldsDone + Math.min(1, inFold)) / folds);
  }

  /** Where the run is, for the queue list and the status bar. */
  String describe() {
    if (fold < 0) {
      return "preparing data";
    }
    StringBuilder b =
        new StringBuilder("fold ").append(fold).append(" (").append(foldsDone + 1).append(" of ");
    b.append(folds).append(')');
    if (stage >= 0) {
      b.append(" \u00b7 stage ").append(stage + 1).append('/').append(stages);
      if (epoch >= 0) {
        b.append(" \u00b7 epoch ").append(epoch + 1).append('/').append(epochs);
      }
      if (batch >= 0) {
        b.append(" \u00b7 batch ").append(batch + 1);
      }
    }
    return b.toString();
  }
}
