package dev.musket.engine.data.split;

import java.math.BigInteger;

/**
 * Python 3's {@code random.Random(seed)} for an integer seed, as CPython implements it (the same
 * since Python 3.2): {@link Mt19937} seeded by {@code init_by_array} with the 32-bit words of
 * {@code abs(seed)}, least significant first ({@code [0]} for 0); {@code getrandbits(k)} as the top
 * k bits of one 32-bit word; {@code _randbelow(n)} by rejection sampling of {@code
 * getrandbits(n.bit_length())}; {@code shuffle} as Fisher-Yates from the end.
 *
 * <p>Why: Python Musket's holdout ({@code musket_core/splits.py}, {@code split}) does {@code
 * random.seed(testSplitSeed); random.shuffle(indices)} with this module, not with numpy; the same
 * seed must give the same holdout here.
 */
final class PythonRandom {
  private final Mt19937 mt;

  PythonRandom(long seed) {
    this(BigInteger.valueOf(seed));
  }

  /** Any integer seed, as {@code random.seed(int)} takes it (its sign is dropped). */
  PythonRandom(BigInteger seed) {
    mt = Mt19937.seededByArray(words(seed.abs()));
  }

  /** The 32-bit words of a non-negative integer, least significant first; {@code [0]} for 0. */
  static int[] words(BigInteger n) {
    int count = n.signum() == 0 ? 1 : (n.bitLength() - 1) / 32 + 1;
    int[] key = new int[count];
    for (int i = 0; i < count; i++) {
      key[i] = n.shiftRight(32 * i).intValue();
    }
    return key;
  }

  /**
   * {@code getrandbits(k)} for {@code 0 <= k <= 32}: an unsigned value of k random bits. Larger k
   * is not needed: a shuffle draws below list lengths, which fit 31 bits.
   */
  long getrandbits(int k) {
    if (k < 0 || k > 32) {
      throw new IllegalArgumentException("getrandbits supports 0..32 bits here, got " + k);
    }
    if (k == 0) {
      return 0;
    }
    return mt.nextUint32() >>> (32 - k);
  }

  /** {@code _randbelow(n)}: a uniform integer in [0, n), n >= 1. */
  int randbelow(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("randbelow needs n >= 1, got " + n);
    }
    int k = 32 - Integer.numberOfLeadingZeros(n); // n.bit_length()
    long r = getrandbits(k);
    while (r >= n) {
      r = getrandbits(k);
    }
    return (int) r;
  }

  /** {@code random.shuffle(a)} in place. */
  void shuffle(int[] a) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = randbelow(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
