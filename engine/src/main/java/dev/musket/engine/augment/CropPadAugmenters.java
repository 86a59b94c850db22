package dev.musket.engine.augment;

import dev.musket.engine.augment.opencv.BorderMode;
import dev.musket.engine.augment.opencv.Interpolation;
import dev.musket.engine.augment.opencv.OpenCvOps;
import java.util.SplittableRandom;

/**
 * CropAndPad, Crop, Pad, PadToFixedSize and CropToFixedSize: imgaug's border operations. Amounts
 * per side are pixels ({@code px}) or fractions of that side's dimension ({@code percent}); with
 * {@code keep_size} the result is resized back to the input size as imgaug does.
 */
final class CropPadAugmenters {
  private CropPadAugmenters() {}

  /** Sign of the amounts: CropAndPad takes signed values, Crop crops, Pad pads. */
  enum Kind {
    CROP_AND_PAD,
    CROP,
    PAD
  }

  static Augmenter cropAndPad(AugmenterArgs a) {
    return create(a, Kind.CROP_AND_PAD);
  }

  static Augmenter crop(AugmenterArgs a) {
    return create(a, Kind.CROP);
  }

  static Augmenter pad(AugmenterArgs a) {
    return create(a, Kind.PAD);
  }

  private static Augmenter create(AugmenterArgs a, Kind kind) {
    if (a.isGiven("px") && a.isGiven("percent")) {
      a.reportEntry("give px or percent, not both");
    }
    boolean byPercent = a.isGiven("percent");
    double lo = kind == Kind.PAD ? 0 : kind == Kind.CROP ? 0 : -1e5;
    Param amount =
        byPercent
            ? a.range(
                "percent", kind == Kind.CROP_AND_PAD ? -0.99 : 0, kind == Kind.CROP ? 0.99 : 10)
            : a.intRange("px", lo, 1e5);
    double sign = kind == Kind.CROP ? -1 : 1;
    boolean pads = kind != Kind.CROP;
    BorderMode mode =
        pads
            ? BorderMode.of(
                a.choiceOf("pad_mode", "constant", "edge", "symmetric", "reflect", "wrap"))
            : BorderMode.CONSTANT;
    Param cval = pads ? a.range("pad_cval", 0, 255) : Param.constant(0);
    boolean keepSize = a.bool("keep_size");
    boolean independently = a.bool("sample_independently");
    return (image, random) -> {
      double[] v = new double[4];
      for (int i = 0; i < 4; i++) {
        v[i] = sign * (independently || i == 0 ? amount.sample(random) : v[0] * sign);
      }
      int[] sides = new int[4]; // top, right, bottom, left
      for (int i = 0; i < 4; i++) {
        double dim = i % 2 == 0 ? image.height() : image.width();
        sides[i] = (int) (byPercent ? Math.round(v[i] * dim) : v[i]);
      }
      preventEmpty(sides, image.height(), 0, 2);
      preventEmpty(sides, image.width(), 3, 1);
      HwcImage out =
          cropPad(
              image, sides[0], sides[1], sides[2], sides[3], mode, Math.rint(cval.sample(random)));
      return keepSize ? resizeBack(out, image.height(), image.width()) : out;
    };
  }

  /** Shrinks crops so that at least one row/column remains, as imgaug does. */
  private static void preventEmpty(int[] sides, int size, int a, int b) {
    int crop = Math.max(0, -sides[a]) + Math.max(0, -sides[b]);
    while (crop >= size) {
      if (-sides[a] >= -sides[b] && sides[a] < 0) {
        sides[a]++;
      } else if (sides[b] < 0) {
        sides[b]++;
      }
      crop--;
    }
  }

  static HwcImage resizeBack(HwcImage image, int height, int width) {
    if (image.height() == height && image.width() == width) {
      return image;
    }
    boolean shrinking = image.height() * image.width() > height * width;
    return OpenCvOps.resize(
        image, height, width, shrinking ? Interpolation.AREA : Interpolation.CUBIC);
  }

  /** Pads (positive) or crops (negative) each side: top, right, bottom, left. */
  static HwcImage cropPad(
      HwcImage in, int top, int right, int bottom, int left, BorderMode mode, double cval) {
    int h = in.height();
    int w = in.width();
    int c = in.channels();
    int oh = h + top + bottom;
    int ow = w + left + right;
    HwcImage out = HwcImage.blank(oh, ow, c);
    byte[] src = in.data();
    byte[] dst = out.data();
    byte fill = (byte) HwcImage.clamp((int) cval);
    for (int y = 0; y < oh; y++) {
      int sy = BorderIndex.map(y - top, h, mode);
      for (int x = 0; x < ow; x++) {
        int sx = BorderIndex.map(x - left, w, mode);
        int o = (y * ow + x) * c;
        if (sy < 0 || sx < 0) {
          for (int k = 0; k < c; k++) {
            dst[o + k] = fill;
          }
        } else {
          System.arraycopy(src, (sy * w + sx) * c, dst, o, c);
        }
      }
    }
    return out;
  }

  static Augmenter padToFixedSize(AugmenterArgs a) {
    if (!a.isGiven("width") || !a.isGiven("height")) {
      a.reportEntry("needs width and height");
    }
    int width = (int) a.number("width", 1, 1e5);
    int height = (int) a.number("height", 1, 1e5);
    BorderMode mode =
        BorderMode.of(a.choiceOf("pad_mode", "constant", "edge", "symmetric", "reflect", "wrap"));
    Param cval = a.range("pad_cval", 0, 255);
    boolean centered = a.choiceOf("position", "uniform", "center").equals("center");
    return (image, random) -> {
      int padW = Math.max(0, width - image.width());
      int padH = Math.max(0, height - image.height());
      int left = split(padW, centered, random);
      int top = split(padH, centered, random);
      return cropPad(
          image, top, padW - left, padH - top, left, mode, Math.rint(cval.sample(random)));
    };
  }

  static Augmenter cropToFixedSize(AugmenterArgs a) {
    if (!a.isGiven("width") || !a.isGiven("height")) {
      a.reportEntry("needs width and height");
    }
    int width = (int) a.number("width", 1, 1e5);
    int height = (int) a.number("height", 1, 1e5);
    boolean centered = a.choiceOf("position", "uniform", "center").equals("center");
    return (image, random) -> {
      int cropW = Math.max(0, image.width() - width);
      int cropH = Math.max(0, image.height() - height);
      int left = split(cropW, centered, random);
      int top = split(cropH, centered, random);
      return cropPad(image, -top, -(cropW - left), -(cropH - top), -left, BorderMode.CONSTANT, 0);
    };
  }

  /** How much of {@code total} goes to the top/left side. */
  private static int split(int total, boolean centered, SplittableRandom random) {
    if (total == 0) {
      return 0;
    }
    return centered ? total / 2 : random.nextInt(total + 1);
  }
}
