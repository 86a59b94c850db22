package dev.musket.engine.data.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes holdout and k-fold splits as Musket does: a shuffled holdout fraction first, then k
 * folds (optionally stratified) over the rest, or one train/validation split when {@code
 * folds_count} is 1.
 *
 * <p>Each is index for index scikit-learn's (checked against fixtures written by scikit-learn
 * 1.2.1): the holdout and the single validation split are {@code train_test_split(shuffle=True,
 * random_state)}, the folds {@code KFold(k, shuffle=True, random_state)} or, stratified, {@code
 * StratifiedKFold} with its algorithm of version 0.22 and later ({@link StratifiedFolds}), all on
 * numpy's generator ({@link NumpyRandomState}). So a project ported from Python Musket gets the
 * same folds (for a holdout-free dataset, where Musket's fold positions are dataset indices).
 */
public final class Splitter {
  private static final Logger LOG = LoggerFactory.getLogger(Splitter.class);

  private Splitter() {}

  /** Holds out {@code ceil(n * testSplit)} shuffled items (as sklearn's train_test_split). */
  public static Split holdout(int size, double testSplit, long seed) {
    int[] all = new NumpyRandomState(seed).permutation(size);
    int test = (int) Math.ceil(size * testSplit);
    return new Split(sorted(Arrays.copyOfRange(all, test, size)), sorted(Arrays.copyOf(all, test)));
  }

  /**
   * Folds over {@code indices}: each fold's held-out part is its validation set. scikit-learn
   * splits positions 0..n-1 of {@code indices}; the folds name the items at those positions. With
   * {@code stratified}, the class of an item comes from {@code classOf} (a class with fewer members
   * than k is allowed, with a warning, as in scikit-learn).
   */
  public static List<Split> folds(
      int[] indices, int k, long seed, boolean stratified, IntUnaryOperator classOf) {
    if (k > indices.length) {
      throw new IllegalArgumentException(
          "folds_count " + k + " exceeds the " + indices.length + " items to split");
    }
    List<List<Integer>> buckets = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      buckets.add(new ArrayList<>());
    }
    if (stratified) {
      int[] classes = new int[indices.length];
      for (int i = 0; i < classes.length; i++) {
        classes[i] = classOf.applyAsInt(indices[i]);
      }
      int[] foldOf = StratifiedFolds.testFolds(classes, k, seed);
      int smallest = StratifiedFolds.smallestClass(classes);
      if (smallest < k) {
        LOG.warn(
            "the least populated class has only {} member(s), fewer than folds_count {}: some"
                + " folds validate on none of it",
            smallest,
            k);
      }
      for (int i = 0; i < indices.length; i++) {
        buckets.get(foldOf[i]).add(indices[i]);
      }
    } else {
      int[] positions = new NumpyRandomState(seed).permutation(indices.length);
      int[] order = new int[positions.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = indices[positions[i]];
      }
      int n = order.length;
      int start = 0;
      for (int f = 0; f < k; f++) {
        int len = n / k + (f < n % k ? 1 : 0);
        for (int j = start; j < start + len; j++) {
          buckets.get(f).add(order[j]);
        }
        start += len;
      }
    }
    List<Split> out = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      int[] val = sorted(buckets.get(f).stream().mapToInt(Integer::intValue).toArray());
      out.add(new Split(without(indices, val), val));
    }
    return out;
  }

  /** One train/validation split holding out {@code ceil(n * fraction)} shuffled items. */
  public static Split validation(int[] indices, double fraction, long seed) {
    int[] positions = new NumpyRandomState(seed).permutation(indices.length);
    int[] order = new int[positions.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = indices[positions[i]];
    }
    int v = (int) Math.ceil(order.length * fraction);
    return new Split(
        sorted(Arrays.copyOfRange(order, v, order.length)), sorted(Arrays.copyOf(order, v)));
  }

  private static int[] sorted(int[] a) {
    Arrays.sort(a);
    return a;
  }

  private static int[] without(int[] all, int[] sortedRemove) {
    return Arrays.stream(all)
        .filter(i -> Arrays.binarySearch(sortedRemove, i) < 0)
        .sorted()
        .toArray();
  }
}
