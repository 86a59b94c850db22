package dev.musket.engine.data.split;

/**
 * numpy's legacy {@code RandomState(seed)}: MT19937 seeded as numpy seeds an integer, with numpy's
 * {@code shuffle}/{@code permutation} (Fisher-Yates drawing bounded integers by masked rejection).
 *
 * <p>Why: Musket split with scikit-learn ({@code KFold(shuffle=True, random_state)}, {@code
 * train_test_split}), which shuffle through this generator. Reproducing it makes the folds of a
 * project ported from Python Musket the same items, so results stay comparable.
 */
final class NumpyRandomState {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] mt = new int[N];
  private int index = N;

  NumpyRandomState(long seed) {
    if (seed < 0 || seed > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("numpy seeds must lie in [0, 2^32 - 1], got " + seed);
    }
    mt[0] = (int) seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
  }

  /** The next 32 random bits, as an unsigned value. */
  long nextUint32() {
    if (index >= N) {
      twist();
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9D2C5680;
    y ^= (y << 15) & 0xEFC60000;
    y ^= y >>> 18;
    return y & 0xFFFFFFFFL;
  }

  private void twist() {
    for (int i = 0; i < N; i++) {
      int y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7FFFFFFF);
      int next = mt[(i + M) % N] ^ (y >>> 1);
      if ((y & 1) != 0) {
        next ^= 0x9908B0DF;
      }
      mt[i] = next;
    }
    index = 0;
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
      value = nextUint32() & mask;
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
