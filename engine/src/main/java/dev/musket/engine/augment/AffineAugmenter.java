package dev.musket.engine.augment;

import dev.musket.engine.augment.opencv.BorderMode;
import dev.musket.engine.augment.opencv.Interpolation;
import dev.musket.engine.augment.opencv.OpenCvOps;
import java.util.SplittableRandom;

/**
 * imgaug's {@code Affine}: scale, translate, rotate and shear about the image centre.
 *
 * <p>The matrix is imgaug 0.3's: {@code T(+c) * A * T(-c)} with centre {@code c = (w/2 - 0.5, h/2 -
 * 0.5)} and skimage's {@code A = [[sx cos r, -sy sin(r + sh), tx], [sx sin r, sy cos(r + sh),
 * ty]]}; it is used as a forward map by {@code cv2.warpAffine}, so a pixel at (x, y) lands at
 * {@code M (x, y, 1)}. Positive angles turn clockwise as displayed (y points down).
 */
record AffineAugmenter(
    XyParam scale,
    XyParam translatePercent,
    XyParam translatePx,
    Param rotate,
    Param shear,
    Param order,
    Param cval,
    BorderMode mode)
    implements Augmenter {

  static Augmenter create(AugmenterArgs a) {
    if (a.isGiven("translate_percent") && a.isGiven("translate_px")) {
      a.reportEntry("give translate_percent or translate_px, not both");
    }
    XyParam percent = a.isGiven("translate_percent") ? a.xy("translate_percent", -10, 10, 0) : null;
    XyParam px = a.isGiven("translate_px") ? a.xy("translate_px", -1e6, 1e6, 0) : null;
    Param order = a.intRange("order", 0, 5);
    return new AffineAugmenter(
        a.xy("scale", 1e-4, 1e4, 1),
        percent,
        px,
        a.range("rotate", -1e4, 1e4),
        a.range("shear", -1e4, 1e4),
        order,
        a.range("cval", 0, 255),
        BorderMode.of(a.choiceOf("mode", "constant", "edge", "symmetric", "reflect", "wrap")));
  }

  @Override
  public HwcImage apply(HwcImage image, SplittableRandom random) {
    double[] s = scale.sample(random);
    double tx = 0;
    double ty = 0;
    if (translatePercent != null) {
      double[] t = translatePercent.sample(random);
      // imgaug rounds percentage translations to whole pixels: int(np.round(t * size))
      tx = Math.rint(t[0] * image.width());
      ty = Math.rint(t[1] * image.height());
    } else if (translatePx != null) {
      double[] t = translatePx.sample(random);
      tx = t[0];
      ty = t[1];
    }
    double r = rotate.sample(random);
    double sh = shear.sample(random);
    int o = (int) order.sample(random);
    double fill = Math.rint(cval.sample(random));
    double[] m = matrix(image.height(), image.width(), s[0], s[1], tx, ty, r, sh);
    return OpenCvOps.warpAffine(image, m, Interpolation.ofOrder(o), mode, fill);
  }

  /** The forward 2x3 matrix (row-major) for the given sampled values. */
  static double[] matrix(
      int height,
      int width,
      double scaleX,
      double scaleY,
      double translateX,
      double translateY,
      double rotateDeg,
      double shearDeg) {
    double r = Math.toRadians(rotateDeg);
    double sh = Math.toRadians(shearDeg);
    double a0 = scaleX * Math.cos(r);
    double a1 = -scaleY * Math.sin(r + sh);
    double b0 = scaleX * Math.sin(r);
    double b1 = scaleY * Math.cos(r + sh);
    double cx = width / 2.0 - 0.5;
    double cy = height / 2.0 - 0.5;
    // T(c) * A * T(-c): translate to the centre, transform, translate back.
    double c0 = a0 * -cx + a1 * -cy + translateX + cx;
    double c1 = b0 * -cx + b1 * -cy + translateY + cy;
    return new double[] {a0, a1, c0, b0, b1, c1};
  }
}
