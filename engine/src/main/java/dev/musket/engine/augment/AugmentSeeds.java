package dev.musket.engine.augment;

import java.util.SplittableRandom;

/**
 * Derives one independent random stream per (seed, epoch, item), so augmentation is reproducible
 * bit for bit whatever thread handles an item and in whatever order items are processed.
 */
public final class AugmentSeeds {
  private AugmentSeeds() {}

  public static SplittableRandom streamFor(long seed, int epoch, long itemIndex) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ epoch);
    h = mix(h ^ itemIndex);
    return new SplittableRandom(h);
  }

  /** SplitMix64's finaliser: spreads every input bit over the output. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
