package dev.musket.engine.data.split;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The first split of scikit-learn's {@code StratifiedShuffleSplit(test_size, random_state)} ({@code
 * _iter_indices}, unchanged from 0.22 to 1.2): what Python Musket's stratified holdout and its
 * stratified {@code folds_count: 1} split ({@code train_test_split(stratify=...)}) use.
 *
 * <p>The algorithm: classes in sorted label order; how many items of each class go to training and
 * to the test part is {@code _approximate_mode} (floors of the proportional shares, the items left
 * over given to the largest remainders, ties drawn at random); then per class a permutation of its
 * members (in dataset order) whose first items train and the next ones test; finally both parts are
 * permuted. One numpy {@code RandomState} draws everything, in that order, so the draws must follow
 * it exactly.
 */
final class StratifiedShuffle {
  private StratifiedShuffle() {}

  /**
   * The split of positions {@code 0..n-1} ({@code classes[p]} is position p's class) into {@code n
   * - testCount} training and {@code testCount} test positions, each in scikit-learn's order.
   *
   * @param what the config property that asked for it, for the error messages
   * @throws IllegalArgumentException where scikit-learn raises: a class of one member, or fewer
   *     training or test items than classes
   */
  static Split first(int[] classes, int testCount, long seed, String what) {
    int n = classes.length;
    int trainCount = n - testCount;
    if (trainCount <= 0 || testCount <= 0) {
      throw new IllegalArgumentException(
          what
              + " leaves "
              + trainCount
              + " of "
              + n
              + " items for training and "
              + testCount
              + " for the held-out part; both need at least one");
    }
    // np.unique: classes in sorted order; members of each in ascending position (mergesort)
    TreeMap<Integer, Integer> codeOf = new TreeMap<>();
    for (int c : classes) {
      codeOf.put(c, 0);
    }
    int code = 0;
    for (var e : codeOf.entrySet()) {
      e.setValue(code++);
    }
    int classCount = codeOf.size();
    int[] counts = new int[classCount];
    for (int c : classes) {
      counts[codeOf.get(c)]++;
    }
    int[][] members = new int[classCount][];
    int[] filled = new int[classCount];
    for (int c = 0; c < classCount; c++) {
      members[c] = new int[counts[c]];
    }
    for (int p = 0; p < n; p++) {
      int c = codeOf.get(classes[p]);
      members[c][filled[c]++] = p;
    }
    int smallest = Arrays.stream(counts).min().orElse(0);
    if (smallest < 2) {
      throw new IllegalArgumentException(
          "stratified "
              + what
              + ": a class has only "
              + smallest
              + " member, too few to stratify (scikit-learn needs 2); give it more items or set"
              + " stratified: false");
    }
    if (trainCount < classCount || testCount < classCount) {
      throw new IllegalArgumentException(
          "stratified "
              + what
              + " gives "
              + trainCount
              + " training and "
              + testCount
              + " held-out items for "
              + classCount
              + " classes; each part needs at least one item per class: change "
              + what
              + " or set stratified: false");
    }
    NumpyRandomState rng = new NumpyRandomState(seed);
    int[] trainPerClass = approximateMode(counts, trainCount, rng);
    int[] remaining = new int[classCount];
    for (int c = 0; c < classCount; c++) {
      remaining[c] = counts[c] - trainPerClass[c];
    }
    int[] testPerClass = approximateMode(remaining, testCount, rng);
    int[] train = new int[trainCount];
    int[] test = new int[testCount];
    int t = 0;
    int v = 0;
    for (int c = 0; c < classCount; c++) {
      int[] permutation = rng.permutation(counts[c]);
      for (int r = 0; r < trainPerClass[c]; r++) {
        train[t++] = members[c][permutation[r]];
      }
      for (int r = trainPerClass[c]; r < trainPerClass[c] + testPerClass[c]; r++) {
        test[v++] = members[c][permutation[r]];
      }
    }
    rng.shuffle(train);
    rng.shuffle(test);
    return new Split(train, test);
  }

  /**
   * scikit-learn's {@code _approximate_mode(class_counts, n_draws, rng)}: per class, the floor of
   * its proportional share of {@code draws}; the items still missing go to the classes with the
   * largest remainders, and among equal remainders to those drawn by {@code rng.choice(...,
   * replace=False)} (numpy's legacy: the first ones of a permutation).
   */
  static int[] approximateMode(int[] counts, int draws, NumpyRandomState rng) {
    long total = 0;
    for (int c : counts) {
      total += c;
    }
    double[] continuous = new double[counts.length];
    double[] remainder = new double[counts.length];
    int[] floored = new int[counts.length];
    double flooredSum = 0;
    for (int c = 0; c < counts.length; c++) {
      continuous[c] = (double) counts[c] / total * draws;
      double f = Math.floor(continuous[c]);
      floored[c] = (int) f;
      remainder[c] = continuous[c] - f;
      flooredSum += f;
    }
    int needToAdd = (int) (draws - flooredSum);
    if (needToAdd > 0) {
      double[] values = Arrays.stream(remainder).distinct().sorted().toArray();
      for (int at = values.length - 1; at >= 0 && needToAdd > 0; at--) {
        double value = values[at];
        int[] tied = IntStream.range(0, counts.length).filter(c -> remainder[c] == value).toArray();
        int addNow = Math.min(tied.length, needToAdd);
        int[] chosen = rng.permutation(tied.length);
        for (int k = 0; k < addNow; k++) {
          floored[tied[chosen[k]]]++;
        }
        needToAdd -= addNow;
      }
    }
    return floored;
  }
}
