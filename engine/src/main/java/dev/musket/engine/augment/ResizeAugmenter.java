package dev.musket.engine.augment;

import dev.musket.engine.augment.opencv.Interpolation;
import dev.musket.engine.augment.opencv.OpenCvOps;
import dev.musket.engine.config.ConfigNode;
import java.util.SplittableRandom;

/**
 * imgaug's {@code Resize} (alias {@code Scale}): {@code size} is a number (an integer is pixels, a
 * fraction scales), a [min, max] range of fractions, or {@code {height: .., width: ..}} where each
 * side is pixels, a fraction, {@code keep} or {@code keep-aspect-ratio}. Musket adds {@code
 * Resize{height: H, width: W}} for {@code shape} unless {@code manualResize}.
 */
record ResizeAugmenter(Side height, Side width, Interpolation interpolation) implements Augmenter {

  /** One side's target: pixels, a fraction range, keep, or keep-aspect-ratio. */
  record Side(Param value, boolean pixels, boolean keep, boolean keepAspect) {
    static Side keepSide() {
      return new Side(Param.constant(1), false, true, false);
    }
  }

  static Augmenter create(AugmenterArgs a) {
    Interpolation interp =
        switch (a.choiceOf("interpolation", "cubic", "nearest", "linear", "area")) {
          case "nearest" -> Interpolation.NEAREST;
          case "linear" -> Interpolation.LINEAR;
          case "area" -> Interpolation.AREA;
          default -> Interpolation.CUBIC;
        };
    ConfigNode size = a.node("size").orElse(null);
    if (size instanceof ConfigNode.Mapping map) {
      Side h = map.get("height").map(n -> side(a, n)).orElse(Side.keepSide());
      Side w = map.get("width").map(n -> side(a, n)).orElse(Side.keepSide());
      if (h.keepAspect && w.keepAspect) {
        a.report(size, "height and width cannot both be keep-aspect-ratio");
      }
      return new ResizeAugmenter(h, w, interp);
    }
    if (size == null) {
      a.reportEntry("needs a size");
      return new ResizeAugmenter(Side.keepSide(), Side.keepSide(), interp);
    }
    Side both = side(a, size);
    return new ResizeAugmenter(both, both, interp);
  }

  private static Side side(AugmenterArgs a, ConfigNode n) {
    if (n instanceof ConfigNode.Scalar s && s.isString()) {
      String v = s.asText();
      if (v.equals("keep")) {
        return Side.keepSide();
      }
      if (v.equals("keep-aspect-ratio")) {
        return new Side(Param.constant(1), false, false, true);
      }
    }
    if (n instanceof ConfigNode.Scalar s && s.isInteger() && s.asLong() > 0) {
      return new Side(Param.constant(s.asLong()), true, false, false);
    }
    if (n instanceof ConfigNode.Scalar s && s.isNumber() && s.asDouble() > 0) {
      return new Side(Param.constant(s.asDouble()), false, false, false);
    }
    if (n instanceof ConfigNode.Sequence seq
        && seq.items().size() == 2
        && seq.items().stream()
            .allMatch(i -> i instanceof ConfigNode.Scalar s && s.isNumber() && s.asDouble() > 0)) {
      double lo = ((ConfigNode.Scalar) seq.items().get(0)).asDouble();
      double hi = ((ConfigNode.Scalar) seq.items().get(1)).asDouble();
      return new Side(new Param.Uniform(lo, hi), false, false, false);
    }
    a.report(
        n,
        "size must be a positive number, a [min, max] range of fractions, keep or"
            + " keep-aspect-ratio, got "
            + n.describeKind());
    return Side.keepSide();
  }

  @Override
  public HwcImage apply(HwcImage image, SplittableRandom random) {
    int h = target(height, image.height(), random);
    int w = target(width, image.width(), random);
    if (height.keepAspect) {
      h = Math.max(1, (int) Math.round(image.height() * (w / (double) image.width())));
    } else if (width.keepAspect) {
      w = Math.max(1, (int) Math.round(image.width() * (h / (double) image.height())));
    }
    return OpenCvOps.resize(image, h, w, interpolation);
  }

  private static int target(Side side, int current, SplittableRandom random) {
    if (side.keep || side.keepAspect) {
      return current;
    }
    double v = side.value.sample(random);
    return Math.max(1, side.pixels ? (int) v : (int) Math.round(current * v));
  }

  /** Musket's automatic resize to the model input. */
  static ResizeAugmenter toSize(int height, int width) {
    return new ResizeAugmenter(
        new Side(Param.constant(height), true, false, false),
        new Side(Param.constant(width), true, false, false),
        Interpolation.CUBIC);
  }
}
