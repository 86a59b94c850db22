package dev.musket.engine.augment;

import java.util.SplittableRandom;

/**
 * imgaug's per-axis parameters ({@code scale}, {@code translate_percent}): one range shared by both
 * axes (one draw used for x and y, as imgaug 0.3 does), or separate {@code {x: .., y: ..}} ranges.
 */
public record XyParam(Param x, Param y, boolean shared) {
  public static XyParam same(Param both) {
    return new XyParam(both, both, true);
  }

  /** Draws {x, y}. */
  public double[] sample(SplittableRandom random) {
    double sx = x.sample(random);
    double sy = shared ? sx : y.sample(random);
    return new double[] {sx, sy};
  }
}
