package dev.musket.engine.data.split;

/**
 * The Mersenne Twister MT19937 (Matsumoto and Nishimura's reference {@code mt19937ar.c}): the
 * generator under both numpy's legacy {@code RandomState} ({@link NumpyRandomState}, seeded by
 * {@code init_genrand}) and Python's {@code random} module ({@link PythonRandom}, seeded by {@code
 * init_by_array}). Why one class: the two differ only in seeding and in how they turn 32-bit words
 * into bounded integers, and the splits need both to match Python Musket.
 */
final class Mt19937 {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] mt = new int[N];
  private int index = N;

  private Mt19937() {}

  /** {@code init_genrand(seed)}: numpy's seeding of an integer seed. */
  static Mt19937 seeded(int seed) {
    Mt19937 g = new Mt19937();
    g.initGenrand(seed);
    return g;
  }

  /** {@code init_by_array(key)}: Python's seeding (key = the seed's 32-bit words, low first). */
  static Mt19937 seededByArray(int[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("init_by_array needs at least one key word");
    }
    Mt19937 g = new Mt19937();
    int[] mt = g.mt;
    g.initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    return g;
  }

  private void initGenrand(int seed) {
    mt[0] = seed;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    index = N;
  }

  /** The next 32 random bits ({@code genrand_uint32}), as an unsigned value. */
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
}
