package dev.musket.engine.data.split;

/**
 * numpy's legacy {@code RandomState(seed)}: {@link Mt19937} seeded as numpy seeds an integer, with
 * numpy's {@code shuffle}/{@code permutation} (Fisher-Yates drawing bounded integers by masked
 * rejection).
 *
 * <p>Why: Musket split with scikit-learn ({@code KFold(shuffle=True, random_state)}, {@code
 * train_test_split}), which shuffle through this generator. Reproducing it makes the folds of a
 * project ported from Python Musket the same items, so results stay comparable.
 */
final class NumpyRandomState {
  private final Mt19937 mt;

  NumpyRandomState(long seed) {
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("numpy seeds must lie in [0, 2^32 - 1], got " + seed);
    }
    mt = Mt19937.seeded((int) seed);
  }

  /** A uniform integer in [0, max], numpy's {@code random_interval}. */
  long interval(long max) {
    if (max == 0) {
      return 0;
    }
    long mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    long value;
    do {
      value = mt.nextUint32() & mask;
    } while (value > max);
    return value;
  }

  /** Shuffles in place as {@code RandomState.shuffle} does for a 1-d array. */
  void shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = (int) interval(i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** {@code RandomState.permutation(n)}. */
  int[] permutation(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    shuffle(p);
    return p;
  }
}
