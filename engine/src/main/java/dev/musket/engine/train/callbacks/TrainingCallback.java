package dev.musket.engine.train.callbacks;

import java.util.Map;

/**
 * A hook into the training loop, with Keras' callback lifecycle; every method does nothing unless
 * overridden, so a callback implements only the moments it cares about.
 *
 * <p>The trainer drives one stage like Keras' {@code fit} did:
 *
 * <pre>
 * onStageStart(ctx)                    fresh instances per fold and stage, as Musket deep-copied them
 * restoreState(saved)                  only when resuming, right after onStageStart
 * for epoch in initialEpoch until epochs:
 *   onEpochStart(epoch)
 *   for batch: onBatchStart(batch); train; onBatchEnd(batch, loss); stop if shouldStop()
 *   onEpochEnd(epoch, metrics);        stop if shouldStop()
 * onStageEnd()
 * </pre>
 *
 * <p>Why state as a map: a killed run must resume with the same best values, patience counters,
 * cooldowns and cycle positions, and a map of scalars ({@code Double}, {@code Integer}, {@code
 * Boolean}, {@code String}, nested maps) is written into the resume file as YAML as it is.
 */
public interface TrainingCallback {

  /** The name used in logs and events, e.g. {@code EarlyStopping}. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Called once before the experiment's first fold (Keras had no such hook; for loggers). */
  default void onRunStart(String experiment) {}

  /** Keras' {@code on_train_begin}: the stage is about to train. */
  default void onStageStart(StageContext context) {}

  default void onEpochStart(int epoch) {}

  default void onBatchStart(int batch) {}

  /** After a training batch; {@code loss} is its training loss (NaN when it diverged). */
  default void onBatchEnd(int batch, double loss) {}

  /**
   * After the epoch's validation, with the row that goes into the metrics CSV ({@code loss}, {@code
   * lr}, metrics and their {@code val_} twins). A missing key is simply absent.
   */
  default void onEpochEnd(int epoch, Map<String, Double> metrics) {}

  /**
   * Whether this callback sends its own {@code LearningRateChanged} event when it changes the rate
   * at an epoch's end; otherwise the trainer sends one in its name.
   */
  default boolean reportsLearningRateChanges() {
    return false;
  }

  /**
   * Asked after every batch and every epoch: {@code true} ends the stage (Keras' stop_training).
   */
  default boolean shouldStop() {
    return false;
  }

  /** Keras' {@code on_train_end}. */
  default void onStageEnd() {}

  default void onRunEnd() {}

  /** What this callback must remember across a kill and resume; empty when stateless. */
  default Map<String, Object> state() {
    return Map.of();
  }

  /** Puts back what {@link #state()} returned; called after {@link #onStageStart}. */
  default void restoreState(Map<String, Object> state) {}
}
