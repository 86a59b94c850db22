package dev.musket.engine.augment;

import java.util.SplittableRandom;

/**
 * Dropout, CoarseDropout and SaltAndPepper: set a random subset of pixels to 0 (or, for salt and
 * pepper, to values near 0 or 255). The drop probability {@code p} is drawn once per image from its
 * range, then each element is dropped with that probability.
 */
final class DropoutAugmenters {
  private DropoutAugmenters() {}

  static Augmenter dropout(AugmenterArgs a) {
    Param p = a.range("p", 0, 1);
    PerChannel perChannel = a.perChannel("per_channel");
    return (image, random) -> {
      double prob = p.sample(random);
      return ArithmeticAugmenters.elementwise(
          image,
          perChannel.draw(random),
          random,
          r -> r.nextDouble() < prob ? 0 : 1,
          (x, keep) -> x * keep);
    };
  }

  /**
   * Drops rectangles: the mask is drawn at a lower resolution ({@code size_px} gives its size in
   * cells, {@code size_percent} a fraction of the image size, never below {@code min_size}) and
   * enlarged with nearest-neighbour sampling, as imgaug's {@code FromLowerResolution}.
   */
  static Augmenter coarseDropout(AugmenterArgs a) {
    Param p = a.range("p", 0, 1);
    if (a.isGiven("size_px") == a.isGiven("size_percent")) {
      a.reportEntry("give exactly one of size_px and size_percent");
    }
    boolean byPercent = a.isGiven("size_percent");
    Param size = byPercent ? a.range("size_percent", 0, 1) : a.intRange("size_px", 1, 1e5);
    int minSize = (int) a.number("min_size", 1, 1e5);
    PerChannel perChannel = a.perChannel("per_channel");
    return (image, random) -> {
      double prob = p.sample(random);
      int hs;
      int ws;
      if (byPercent) {
        double f = size.sample(random);
        hs = (int) (image.height() * f);
        ws = (int) (image.width() * f);
      } else {
        hs = (int) size.sample(random);
        ws = (int) size.sample(random);
      }
      hs = Math.max(minSize, hs);
      ws = Math.max(minSize, ws);
      int c = image.channels();
      int mc = perChannel.draw(random) ? c : 1;
      boolean[] keep = new boolean[hs * ws * mc];
      for (int i = 0; i < keep.length; i++) {
        keep[i] = random.nextDouble() >= prob;
      }
      HwcImage out = image.copy();
      byte[] dst = out.data();
      for (int y = 0; y < image.height(); y++) {
        int my = Math.min(hs - 1, (int) ((long) y * hs / image.height()));
        for (int x = 0; x < image.width(); x++) {
          int mx = Math.min(ws - 1, (int) ((long) x * ws / image.width()));
          for (int k = 0; k < c; k++) {
            if (!keep[(my * ws + mx) * mc + (mc == 1 ? 0 : k)]) {
              dst[out.index(y, x, k)] = 0;
            }
          }
        }
      }
      return out;
    };
  }

  /**
   * Replaces each element with probability p by {@code 255 * Beta(0.5, 0.5)} (imgaug's replacement,
   * mostly near 0 or 255); Beta(1/2, 1/2) is drawn exactly as {@code sin^2(pi U / 2)}.
   */
  static Augmenter saltAndPepper(AugmenterArgs a) {
    Param p = a.range("p", 0, 1);
    PerChannel perChannel = a.perChannel("per_channel");
    return (image, random) -> {
      double prob = p.sample(random);
      return ArithmeticAugmenters.elementwise(
          image,
          perChannel.draw(random),
          random,
          r -> r.nextDouble() < prob ? saltOrPepper(r) : -1,
          (x, v) -> v < 0 ? x : v);
    };
  }

  private static double saltOrPepper(SplittableRandom r) {
    double s = Math.sin(Math.PI * r.nextDouble() / 2);
    return 255 * s * s;
  }
}
