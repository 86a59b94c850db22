package dev.musket.engine.augment;

import dev.musket.engine.augment.opencv.OpenCvOps;

/**
 * Blurs and 3x3 convolutions: GaussianBlur, AverageBlur, MedianBlur, Sharpen, Emboss, with imgaug's
 * kernels and OpenCV's filters (reflect-101 borders, as imgaug's cv2 calls use).
 */
final class FilterAugmenters {
  private FilterAugmenters() {}

  /** Below this sigma imgaug leaves the image unchanged. */
  static final double MIN_SIGMA = 0.01;

  static Augmenter gaussianBlur(AugmenterArgs a) {
    Param sigma = a.range("sigma", 0, 1e3);
    return (image, random) -> {
      double s = sigma.sample(random);
      return s < MIN_SIGMA ? image : OpenCvOps.gaussianBlur(image, s);
    };
  }

  static Augmenter averageBlur(AugmenterArgs a) {
    Param k = a.intRange("k", 1, 1e4);
    return (image, random) -> {
      int size = (int) k.sample(random);
      return size <= 1 ? image : OpenCvOps.boxBlur(image, size, size);
    };
  }

  /** Median over a k x k window; an even k drawn from a range is rounded up to the next odd. */
  static Augmenter medianBlur(AugmenterArgs a) {
    Param k = a.intRange("k", 1, 1e4);
    if (k instanceof Param.Constant c && c.value() % 2 == 0) {
      a.report(a.node("k").orElseThrow(), "k must be odd, got " + (long) c.value());
    }
    return (image, random) -> {
      int size = (int) k.sample(random);
      size = size % 2 == 0 ? size + 1 : size;
      return size <= 1 ? image : OpenCvOps.medianBlur(image, size);
    };
  }

  /**
   * {@code (1 - alpha) * identity + alpha * [[-1,-1,-1],[-1,8+L,-1],[-1,-1,-1]]}, imgaug's Sharpen
   * matrix with lightness L.
   */
  static Augmenter sharpen(AugmenterArgs a) {
    Param alpha = a.range("alpha", 0, 1);
    Param lightness = a.range("lightness", 0, 1e3);
    return (image, random) -> {
      double al = alpha.sample(random);
      double l = lightness.sample(random);
      double[] effect = {-1, -1, -1, -1, 8 + l, -1, -1, -1, -1};
      return al == 0 ? image : OpenCvOps.filter3x3(image, blendWithIdentity(effect, al));
    };
  }

  /**
   * {@code (1 - alpha) * identity + alpha * [[-1-s, -s, 0], [-s, 1, s], [0, s, 1+s]]}, imgaug's
   * Emboss matrix with strength s.
   */
  static Augmenter emboss(AugmenterArgs a) {
    Param alpha = a.range("alpha", 0, 1);
    Param strength = a.range("strength", 0, 1e3);
    return (image, random) -> {
      double al = alpha.sample(random);
      double s = strength.sample(random);
      double[] effect = {-1 - s, -s, 0, -s, 1, s, 0, s, 1 + s};
      return al == 0 ? image : OpenCvOps.filter3x3(image, blendWithIdentity(effect, al));
    };
  }

  static double[] blendWithIdentity(double[] effect, double alpha) {
    double[] m = new double[9];
    for (int i = 0; i < 9; i++) {
      m[i] = alpha * effect[i] + (i == 4 ? 1 - alpha : 0);
    }
    return m;
  }
}
