package dev.musket.engine.train.callbacks;

import dev.musket.engine.events.TrainingListener;

/**
 * What a callback learns when its stage starts: where it is, how long an epoch is, and the handles
 * it may act through. Keras passed the same through {@code set_params}/{@code set_model}.
 *
 * @param stepsPerEpoch batches in one training epoch (Keras' {@code params['steps']}); LRVariator's
 *     {@code relSize} and {@code periodEpochs} are measured in these
 * @param initialEpoch the first epoch that will run; above 0 when the stage is resumed
 * @param listener where callbacks report early stops and learning-rate changes
 */
public record StageContext(
    String experiment,
    int fold,
    int stage,
    int epochs,
    int stepsPerEpoch,
    int initialEpoch,
    LearningRateControl learningRate,
    ModelWeights weights,
    TrainingListener listener) {

  public StageContext {
    if (stepsPerEpoch < 1) {
      throw new IllegalArgumentException("stepsPerEpoch must be at least 1, got " + stepsPerEpoch);
    }
  }
}
