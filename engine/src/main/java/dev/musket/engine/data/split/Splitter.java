package dev.musket.engine.data.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;

/**
 * Computes holdout and k-fold splits as Musket does: a shuffled holdout fraction first, then k
 * folds (optionally stratified) over the rest, or one train/validation split when {@code
 * folds_count} is 1.
 *
 * <p>The holdout, the k folds and the single validation split shuffle exactly as scikit-learn's
 * {@code train_test_split} / {@code KFold(shuffle=True, random_state)} do with numpy's generator
 * ({@link NumpyRandomState}), so a project ported from Python Musket gets the same folds (for a
 * holdout-free dataset, where Musket's fold positions are dataset indices). Stratified folds use
 * their own round-robin dealing, seeded but not scikit-learn's.
 */
public final class Splitter {
  private Splitter() {}

  /** Holds out {@code ceil(n * testSplit)} shuffled items (as sklearn's train_test_split). */
  public static Split holdout(int size, double testSplit, long seed) {
    int[] all = new NumpyRandomState(seed).permutation(size);
    int test = (int) Math.ceil(size * testSplit);
    return new Split(sorted(Arrays.copyOfRange(all, test, size)), sorted(Arrays.copyOf(all, test)));
  }

  /**
   * Folds over {@code indices}: each fold's held-out part is its validation set. With {@code
   * stratified}, each class is shuffled and dealt round-robin so every fold gets its share; class
   * of an item comes from {@code classOf}.
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
      Map<Integer, List<Integer>> byClass = new TreeMap<>();
      for (int i : indices) {
        byClass.computeIfAbsent(classOf.applyAsInt(i), c -> new ArrayList<>()).add(i);
      }
      Random random = new Random(seed);
      int next = 0;
      for (List<Integer> members : byClass.values()) {
        java.util.Collections.shuffle(members, random);
        for (int i : members) {
          buckets.get(next).add(i);
          next = (next + 1) % k;
        }
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
