package dev.musket.engine.predict;

import java.util.List;

/**
 * What {@link Predictor#predict} computes.
 *
 * @param source the items
 * @param folds the folds whose models are averaged; empty = all folds (for a fold's validation set,
 *     that fold only: the other folds trained on those items)
 * @param stages the stages whose best weights are averaged; empty = all stages; {@code -1} = the
 *     last stage
 * @param tta test-time augmentation, or {@code null} for the config's {@code testTimeAugmentation}
 * @param useCache read and write the cache under {@code <experiment>/predictions/}
 */
public record PredictionRequest(
    PredictionSource source,
    List<Integer> folds,
    List<Integer> stages,
    TtaMode tta,
    boolean useCache) {

  public PredictionRequest {
    folds = List.copyOf(folds);
    stages = List.copyOf(stages);
  }

  /** All folds and stages, the config's TTA, cached. */
  public static PredictionRequest of(PredictionSource source) {
    return new PredictionRequest(source, List.of(), List.of(), null, true);
  }

  public PredictionRequest withFolds(List<Integer> f) {
    return new PredictionRequest(source, f, stages, tta, useCache);
  }

  public PredictionRequest withStages(List<Integer> s) {
    return new PredictionRequest(source, folds, s, tta, useCache);
  }

  public PredictionRequest withTta(TtaMode mode) {
    return new PredictionRequest(source, folds, stages, mode, useCache);
  }

  public PredictionRequest withCache(boolean cache) {
    return new PredictionRequest(source, folds, stages, tta, cache);
  }
}
