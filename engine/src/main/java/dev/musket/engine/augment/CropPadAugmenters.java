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

  /**
   * Pads (positive) or crops (negative) each side: top, right, bottom, left.
   *
   * <p>Row by row: the part of a row that comes from the source row is one {@code arraycopy}, and
   * only border pixels are mapped one by one (mapping every pixel made a 64x64 crop cost 10 µs and
   * a 512x512 pad four times a copy).
   */
  static HwcImage cropPad(
      HwcImage in, int top, int right, int bottom, int left, BorderMode mode, double cval) {
    int h = in.height();
    int w = in.width();
    int c = in.channels();
    int oh = h + top + bottom;
    int ow = w + left + right;
    byte[] src = in.data();
    byte[] dst = new byte[oh * ow * c];
    byte fill = (byte) HwcImage.clamp((int) cval);
    int outRow = ow * c;
    // output columns [innerFrom, innerTo) come from source columns [innerFrom - left, ...)
    int innerFrom = Math.max(0, left);
    int innerTo = Math.min(ow, left + w);
    for (int y = 0; y < oh; y++) {
      int sy = BorderIndex.map(y - top, h, mode);
      int o = y * outRow;
      if (sy < 0) {
        fill(dst, o, o + outRow, fill);
        continue;
      }
      int srcRow = sy * w * c;
      if (innerTo > innerFrom) {
        System.arraycopy(
            src,
            srcRow + (innerFrom - left) * c,
            dst,
            o + innerFrom * c,
            (innerTo - innerFrom) * c);
      }
      border(src, srcRow, dst, o, 0, Math.min(innerFrom, ow), left, w, c, mode, fill);
      border(src, srcRow, dst, o, Math.max(innerTo, innerFrom), ow, left, w, c, mode, fill);
    }
    return new HwcImage(oh, ow, c, dst);
  }

  /** Fills output columns [from, to) of one row from outside the source row. */
  private static void border(
      byte[] src,
      int srcRow,
      byte[] dst,
      int outRow,
      int from,
      int to,
      int left,
      int w,
      int c,
      BorderMode mode,
      byte fill) {
    if (mode == BorderMode.CONSTANT) {
      fill(dst, outRow + from * c, outRow + to * c, fill);
      return;
    }
    for (int x = from; x < to; x++) {
      int s = srcRow + BorderIndex.map(x - left, w, mode) * c;
      int d = outRow + x * c;
      for (int k = 0; k < c; k++) {
        dst[d + k] = src[s + k];
      }
    }
  }

  /** A new array is already zero: only other fill values are written. */
  private static void fill(byte[] dst, int from, int to, byte value) {
    if (value != 0 && to > from) {
      java.util.Arrays.fill(dst, from, to, value);
    }
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
