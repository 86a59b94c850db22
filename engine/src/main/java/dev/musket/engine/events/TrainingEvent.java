package dev.musket.engine.events;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the engine reports while it trains, as plain immutable values.
 *
 * <p>Why records of scalars: listeners run on other threads (the workbench drains them at about 10
 * Hz), while DL4J updates its arrays in place; copying numbers out on the training thread is the
 * only way a listener can never see a value change under it. The hierarchy is sealed so a listener
 * can {@code switch} over every kind and the compiler tells it when a kind is added.
 *
 * <p>Positions follow Musket: folds and stages count from 0, and {@code epoch} is the Keras epoch
 * index within the stage (0-based, and continuing from where a resumed stage stopped).
 */
public sealed interface TrainingEvent {

  /**
   * The experiment's name (its path under {@code experiments/}), so one listener can watch many.
   */
  String experiment();

  /** A run of one experiment began. */
  record RunStarted(String experiment, int folds, int stages) implements TrainingEvent {}

  /**
   * Something about the run the user should read, once, though it does not stop it: e.g. GPU
   * options this build ignores. The CLI prints it; the workbench logs it as a warning.
   */
  record Notice(String experiment, String message) implements TrainingEvent {}

  /** The run ended normally; {@code summary.yaml} is written. */
  record RunFinished(String experiment) implements TrainingEvent {}

  /** The run stopped on an error; {@code error.yaml} holds {@code trace}. */
  record RunFailed(String experiment, String message, String trace) implements TrainingEvent {}

  /** The caller cancelled the run; the experiment is marked cancelled. */
  record RunCancelled(String experiment) implements TrainingEvent {}

  record FoldStarted(String experiment, int fold) implements TrainingEvent {}

  record FoldEnded(String experiment, int fold) implements TrainingEvent {}

  /**
   * A stage began.
   *
   * @param initialEpoch the first epoch that will run (above 0 when a stage is resumed)
   */
  record StageStarted(
      String experiment, int fold, int stage, int epochs, int initialEpoch, double lr)
      implements TrainingEvent {}

  /** A stage ended, after {@code lastEpoch} (-1 when no epoch ran). */
  record StageEnded(String experiment, int fold, int stage, int lastEpoch)
      implements TrainingEvent {}

  record EpochStarted(String experiment, int fold, int stage, int epoch) implements TrainingEvent {}

  /**
   * An epoch ended with its logged metrics: {@code loss}, {@code lr}, each metric and its {@code
   * val_} twin, exactly the keys of the metrics CSV row.
   */
  record EpochEnded(String experiment, int fold, int stage, int epoch, Map<String, Double> metrics)
      implements TrainingEvent {
    public EpochEnded {
      metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
    }
  }

  /**
   * One training batch ended.
   *
   * @param batch the batch index within the epoch, from 0
   * @param lr the learning rate the batch was trained with
   */
  record BatchEnded(
      String experiment,
      int fold,
      int stage,
      int epoch,
      int batch,
      double loss,
      double lr,
      double imagesPerSecond)
      implements TrainingEvent {}

  /** The best weights so far were saved because {@code metric} improved to {@code value}. */
  record CheckpointSaved(
      String experiment, int fold, int stage, int epoch, String metric, double value, String path)
      implements TrainingEvent {}

  /** EarlyStopping ended the stage: {@code monitor} had not improved on {@code best}. */
  record EarlyStopped(
      String experiment, int fold, int stage, int epoch, String monitor, double best)
      implements TrainingEvent {}

  /**
   * A callback changed the learning rate at an epoch boundary (ReduceLROnPlateau). Per-batch
   * schedules (CyclicLR, LRVariator) are visible in {@link BatchEnded#lr()} instead.
   */
  record LearningRateChanged(
      String experiment, int fold, int stage, int epoch, double oldLr, double newLr, String by)
      implements TrainingEvent {}
}
