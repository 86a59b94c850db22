package dev.musket.engine.data.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes holdout and k-fold splits as Python Musket does: a shuffled holdout fraction first, then
 * k folds (optionally stratified) over the rest, or one train/validation split when {@code
 * folds_count} is 1.
 *
 * <p>Each is index for index Musket's (checked against fixtures written by Python 3.11 and
 * scikit-learn 1.2.1, see docs/decisions/0013 and 0018): the holdout is {@code musket_core}'s
 * {@code splits.split}, a shuffle by Python's {@code random} ({@link PythonRandom}) keeping {@code
 * round(n - n * testSplit)} items for training, or, stratified, scikit-learn's {@code
 * StratifiedShuffleSplit} ({@link StratifiedShuffle}); the single validation split is {@code
 * train_test_split(shuffle=True, random_state)}, stratified or not; the folds {@code KFold(k,
 * shuffle=True, random_state)} or, stratified, {@code StratifiedKFold} with its algorithm of
 * version 0.22 and later ({@link StratifiedFolds}); scikit-learn's on numpy's generator ({@link
 * NumpyRandomState}). Folds and the validation split are made over positions 0..n-1 of the items
 * they are given, in the order given, which after a holdout is the order of the holdout's training
 * part, as in Musket.
 */
public final class Splitter {
  private static final Logger LOG = LoggerFactory.getLogger(Splitter.class);

  private Splitter() {}

  /**
   * Musket's holdout of {@code size} items: {@code random.seed(seed); random.shuffle(indices)} with
   * Python's {@code random}, the first {@code round(size - size * testSplit)} (Python rounds halves
   * to even) train, the rest are held out. With {@code stratified}, scikit-learn's {@code
   * StratifiedShuffleSplit(test_size=testSplit, random_state=seed)} by {@code classOf} instead, as
   * Musket does. Both parts come in Musket's order, which numbers the folds made after it; {@link
   * Split#sorted} gives them sorted.
   */
  public static Split holdout(
      int size, double testSplit, long seed, boolean stratified, IntUnaryOperator classOf) {
    if (stratified) {
      int[] classes = new int[size];
      for (int i = 0; i < size; i++) {
        classes[i] = classOf.applyAsInt(i);
      }
      return StratifiedShuffle.first(
          classes,
          (int) Math.ceil(testSplit * size),
          numpySeed(seed, "testSplitSeed"),
          "testSplit");
    }
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    new PythonRandom(seed).shuffle(order);
    int train = (int) Math.rint(size - size * testSplit);
    return new Split(Arrays.copyOf(order, train), Arrays.copyOfRange(order, train, size));
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
      int[] foldOf = StratifiedFolds.testFolds(classes, k, numpySeed(seed, "random_state"));
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
      int[] positions =
          new NumpyRandomState(numpySeed(seed, "random_state")).permutation(indices.length);
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

  /**
   * One train/validation split of {@code indices} holding out {@code ceil(n * fraction)} items:
   * scikit-learn's {@code train_test_split(shuffle=True, random_state=seed)} over their positions,
   * with {@code stratified} its {@code stratify=} form (classes from {@code classOf}), as Musket's
   * {@code folds_count: 1}. Each part sorted.
   */
  public static Split validation(
      int[] indices, double fraction, long seed, boolean stratified, IntUnaryOperator classOf) {
    int n = indices.length;
    int v = (int) Math.ceil(fraction * n);
    Split positions;
    if (stratified) {
      int[] classes = new int[n];
      for (int i = 0; i < n; i++) {
        classes[i] = classOf.applyAsInt(indices[i]);
      }
      positions =
          StratifiedShuffle.first(classes, v, numpySeed(seed, "random_state"), "validationSplit");
    } else {
      int[] permutation = new NumpyRandomState(numpySeed(seed, "random_state")).permutation(n);
      positions = new Split(Arrays.copyOfRange(permutation, v, n), Arrays.copyOf(permutation, v));
    }
    return new Split(
        sorted(Arrays.stream(positions.train()).map(p -> indices[p]).toArray()),
        sorted(Arrays.stream(positions.heldOut()).map(p -> indices[p]).toArray()));
  }

  /** A seed numpy accepts, else an error naming the property that holds it. */
  private static long numpySeed(long seed, String property) {
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw new IllegalArgumentException(
          property
              + " "
              + seed
              + " is outside [0, 2^32 - 1], the seeds scikit-learn's splits (numpy's"
              + " RandomState) take; use a non-negative seed below 2^32");
    }
    return seed;
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
