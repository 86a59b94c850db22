package dev.musket.engine.augment;

import dev.musket.engine.augment.opencv.BorderMode;
import dev.musket.engine.augment.opencv.Interpolation;
import dev.musket.engine.augment.opencv.OpenCvOps;
import java.util.SplittableRandom;

/** PerspectiveTransform and ElasticTransformation, with imgaug 0.3's algorithms. */
final class WarpAugmenters {
  private WarpAugmenters() {}

  /**
   * Moves the four corners inwards by |N(0, scale)| (mod 1) of the image size, maps that
   * quadrilateral onto a rectangle (its largest width and height) and, with {@code keep_size},
   * resizes back to the input size.
   */
  static Augmenter perspective(AugmenterArgs a) {
    Param scale = a.range("scale", 0, 1);
    boolean keepSize = a.bool("keep_size");
    return (image, random) -> {
      double s = scale.sample(random);
      if (s == 0) {
        return image;
      }
      int h = image.height();
      int w = image.width();
      double[] j = new double[8];
      for (int i = 0; i < 8; i++) {
        j[i] = Math.abs(s * random.nextGaussian()) % 1.0;
      }
      float[] src = {
        (float) (j[0] * w), (float) (j[1] * h),
        (float) ((1 - j[2]) * w), (float) (j[3] * h),
        (float) ((1 - j[4]) * w), (float) ((1 - j[5]) * h),
        (float) (j[6] * w), (float) ((1 - j[7]) * h)
      };
      int outW = Math.max(2, (int) Math.max(dist(src, 2, 3), dist(src, 0, 1)));
      int outH = Math.max(2, (int) Math.max(dist(src, 1, 2), dist(src, 0, 3)));
      float[] dst = {0, 0, outW - 1, 0, outW - 1, outH - 1, 0, outH - 1};
      double[] m = OpenCvOps.perspectiveMatrix(src, dst);
      HwcImage out =
          OpenCvOps.warpPerspective(
              image, m, outW, outH, Interpolation.LINEAR, BorderMode.REFLECT, 0);
      return keepSize ? CropPadAugmenters.resizeBack(out, h, w) : out;
    };
  }

  private static double dist(float[] p, int a, int b) {
    return Math.hypot(p[2 * a] - p[2 * b], p[2 * a + 1] - p[2 * b + 1]);
  }

  /**
   * Displaces each pixel by a smoothed random field: {@code dx = alpha * G_sigma(U(-1, 1))}, same
   * for dy, then samples the image at (x + dx, y + dy) (imgaug's ElasticTransformation).
   */
  static Augmenter elastic(AugmenterArgs a) {
    Param alpha = a.range("alpha", 0, 1e5);
    Param sigma = a.range("sigma", 0, 1e4);
    Param order = a.intRange("order", 0, 5);
    Param cval = a.range("cval", 0, 255);
    BorderMode mode =
        BorderMode.of(a.choiceOf("mode", "constant", "edge", "symmetric", "reflect", "wrap"));
    return (image, random) -> {
      double al = alpha.sample(random);
      double sg = sigma.sample(random);
      int o = (int) order.sample(random);
      double fill = Math.rint(cval.sample(random));
      if (al == 0 || sg < FilterAugmenters.MIN_SIGMA) {
        return image;
      }
      int h = image.height();
      int w = image.width();
      float[] dx = randomField(h * w, random);
      float[] dy = randomField(h * w, random);
      OpenCvOps.gaussianBlurField(dx, h, w, sg);
      OpenCvOps.gaussianBlurField(dy, h, w, sg);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int i = y * w + x;
          dx[i] = (float) (x + al * dx[i]);
          dy[i] = (float) (y + al * dy[i]);
        }
      }
      return OpenCvOps.remap(image, dx, dy, Interpolation.ofOrder(o), mode, fill);
    };
  }

  private static float[] randomField(int n, SplittableRandom random) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return f;
  }
}
