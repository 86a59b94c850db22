package dev.musket.engine.data.split;

import java.util.HashMap;
import java.util.Map;

/**
 * scikit-learn's {@code StratifiedKFold(n_splits, shuffle=True, random_state)} as of version 0.22
 * ({@code _make_test_folds}): which fold validates on each item, given each item's class.
 *
 * <p>The algorithm: classes are numbered in order of first appearance; the sorted class labels are
 * dealt round-robin over the folds to decide how many items of each class each fold gets; then,
 * class by class, the fold numbers {@code 0,0,..,1,1,..} (each repeated its allocation) are
 * shuffled with one numpy {@code RandomState} shared by all classes and handed to that class's
 * items in dataset order. Why this exact sequence: it is the only way a ported Musket project gets
 * the same stratified folds (see docs/decisions/0013).
 */
final class StratifiedFolds {
  private StratifiedFolds() {}

  /**
   * The fold of each item ({@code classes[i]} is item i's class; any int works as a label, only
   * equality matters).
   *
   * @throws IllegalArgumentException when k exceeds the item count or the members of every class
   */
  static int[] testFolds(int[] classes, int k, long seed) {
    int n = classes.length;
    if (k > n) {
      throw new IllegalArgumentException(
          "folds_count " + k + " exceeds the " + n + " items to split");
    }
    // encode classes by order of first appearance, as sklearn does since 0.22
    Map<Integer, Integer> codeOf = new HashMap<>();
    int[] encoded = new int[n];
    for (int i = 0; i < n; i++) {
      encoded[i] = codeOf.computeIfAbsent(classes[i], c -> codeOf.size());
    }
    int classCount = codeOf.size();
    int[] counts = new int[classCount];
    for (int c : encoded) {
      counts[c]++;
    }
    int largest = 0;
    for (int c : counts) {
      largest = Math.max(largest, c);
    }
    if (largest < k) {
      throw new IllegalArgumentException(
          "stratified folds_count "
              + k
              + " exceeds the members of every class (the largest has "
              + largest
              + "); lower folds_count or set stratified: false");
    }
    // allocation[f][c]: items of class c in fold f = positions p of the sorted labels with
    // p % k == f that hold class c (np.bincount(y_order[f::k]))
    int[][] allocation = new int[k][classCount];
    int start = 0;
    for (int c = 0; c < classCount; c++) {
      for (int p = start; p < start + counts[c]; p++) {
        allocation[p % k][c]++;
      }
      start += counts[c];
    }
    NumpyRandomState random = new NumpyRandomState(seed);
    int[] folds = new int[n];
    for (int c = 0; c < classCount; c++) {
      int[] foldsForClass = new int[counts[c]];
      int at = 0;
      for (int f = 0; f < k; f++) {
        for (int r = 0; r < allocation[f][c]; r++) {
          foldsForClass[at++] = f;
        }
      }
      random.shuffle(foldsForClass);
      at = 0;
      for (int i = 0; i < n; i++) {
        if (encoded[i] == c) {
          folds[i] = foldsForClass[at++];
        }
      }
    }
    return folds;
  }

  /** The size of the smallest class, for sklearn's warning when it is below k. */
  static int smallestClass(int[] classes) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int c : classes) {
      counts.merge(c, 1, Integer::sum);
    }
    return counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
  }
}
