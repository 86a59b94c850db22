package dev.musket.engine.augment;

import dev.musket.engine.augment.opencv.BorderMode;

/**
 * Maps an index outside [0, n) back inside for numpy's pad modes (edge, reflect, symmetric, wrap).
 */
final class BorderIndex {
  private BorderIndex() {}

  /** The source index for {@code i}, or -1 for constant fill. */
  static int map(int i, int n, BorderMode mode) {
    if (i >= 0 && i < n) {
      return i;
    }
    switch (mode) {
      case CONSTANT:
        return -1;
      case EDGE:
        return i < 0 ? 0 : n - 1;
      case WRAP:
        return Math.floorMod(i, n);
      case REFLECT:
        {
          if (n == 1) {
            return 0;
          }
          int period = 2 * n - 2;
          int j = Math.floorMod(i, period);
          return j < n ? j : period - j;
        }
      case SYMMETRIC:
      default:
        {
          int period = 2 * n;
          int j = Math.floorMod(i, period);
          return j < n ? j : period - 1 - j;
        }
    }
  }
}
