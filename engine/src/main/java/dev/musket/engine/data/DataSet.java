package dev.musket.engine.data;

import java.util.List;
import java.util.Optional;

/**
 * Musket's dataset protocol: indexed items with ids and targets, plus the optional hooks the
 * splitter and the negatives balancing use.
 *
 * <p>Why ids and targets apart from {@link #item}: splitting, stratifying and balancing need only
 * labels, so they never pay for decoding images.
 */
public interface DataSet {
  int size();

  /** Decodes item {@code index}; a missing or corrupt image throws {@link BadImageException}. */
  PredictionItem item(int index);

  String id(int index);

  /** The targets of item {@code index}, one vector per output (one-hot or multi-hot). */
  float[][] target(int index);

  /** Class names per output, index-aligned with the target vectors. */
  List<List<String>> classNames();

  /** A human-readable label for previews, e.g. {@code circle} or {@code a b}. */
  default String label(int index) {
    float[][] t = target(index);
    StringBuilder sb = new StringBuilder();
    for (int o = 0; o < t.length; o++) {
      if (o > 0) {
        sb.append(" | ");
      }
      StringBuilder one = new StringBuilder();
      for (int c = 0; c < t[o].length; c++) {
        if (t[o][c] > 0.5f) {
          one.append(one.length() == 0 ? "" : " ").append(classNames().get(o).get(c));
        }
      }
      sb.append(one);
    }
    return sb.toString();
  }

  /**
   * Musket's {@code isPositive(i)} for negatives balancing: by default an item is positive when its
   * first output has any class set (so an all-zero multi-label row is a negative).
   */
  default boolean isPositive(int index) {
    for (float v : target(index)[0]) {
      if (v > 0.5f) {
        return true;
      }
    }
    return false;
  }

  /** The class used for stratified splits: the first set class of the first output, else -1. */
  default int stratifyClass(int index) {
    float[] t = target(index)[0];
    for (int c = 0; c < t.length; c++) {
      if (t[c] > 0.5f) {
        return c;
      }
    }
    return -1;
  }

  /** Predefined folds (Musket's {@code folds} attribute): validation indices per fold. */
  default Optional<List<int[]>> predefinedFolds() {
    return Optional.empty();
  }

  /** Predefined holdout indices (Musket's {@code holdoutArr}). */
  default Optional<int[]> predefinedHoldout() {
    return Optional.empty();
  }
}
