package dev.musket.engine.augment;

import dev.musket.engine.augment.opencv.OpenCvOps;

/**
 * Contrast and colour: LinearContrast (= ContrastNormalization), GammaContrast, Grayscale,
 * AddToHueAndSaturation, with imgaug's formulas on uint8 images.
 */
final class ColorAugmenters {
  private ColorAugmenters() {}

  /**
   * {@code v' = 127.5 + alpha (v - 127.5)}, imgaug's {@code adjust_contrast_linear} for uint8: a
   * float32 table, saturated, then truncated.
   */
  static Augmenter linearContrast(AugmenterArgs a) {
    Param alpha = a.range("alpha", 0, 1e3);
    PerChannel perChannel = a.perChannel("per_channel");
    return (TableAugmenter)
        (channels, random) -> {
          double[] v = ArithmeticAugmenters.perImageValues(alpha, perChannel, channels, random);
          return PixelTables.of(
              channels, (x, c) -> 127.5f + (float) v[c] * ((float) x - 127.5f), true);
        };
  }

  /** {@code v' = 255 (v / 255)^gamma}, imgaug's float32 table, saturated, then truncated. */
  static Augmenter gammaContrast(AugmenterArgs a) {
    Param gamma = a.range("gamma", 0, 1e3);
    PerChannel perChannel = a.perChannel("per_channel");
    return (TableAugmenter)
        (channels, random) -> {
          double[] g = ArithmeticAugmenters.perImageValues(gamma, perChannel, channels, random);
          return PixelTables.of(
              channels, (x, c) -> (float) Math.pow((float) (x / 255.0), (float) g[c]) * 255f, true);
        };
  }

  /**
   * Blends the image with its grayscale version: {@code (1 - alpha) v + alpha gray}. Images that
   * are not RGB (1 or 2 channels) are returned unchanged; a 4th (alpha) channel is kept.
   */
  static Augmenter grayscale(AugmenterArgs a) {
    Param alpha = a.range("alpha", 0, 1);
    return (image, random) -> {
      double al = alpha.sample(random);
      if (image.channels() < 3 || al == 0) {
        return image;
      }
      return GrayscaleBlend.apply(image, al);
    };
  }

  /**
   * Adds {@code value} to hue and saturation in OpenCV's 8-bit HSV: the hue shift is {@code value *
   * 180 / 255}, wrapped around the colour circle; saturation is saturated (imgaug 0.4's behaviour).
   */
  static Augmenter addToHueAndSaturation(AugmenterArgs a) {
    Param value = a.discrete("value", -255, 255);
    PerChannel perChannel = a.perChannel("per_channel");
    return (image, random) -> {
      double hueValue = value.sample(random);
      double satValue = perChannel.draw(random) ? value.sample(random) : hueValue;
      if (image.channels() < 3 || (hueValue == 0 && satValue == 0)) {
        return image;
      }
      HwcImage hsv = OpenCvOps.rgbToHsv(rgbPart(image));
      byte[] d = hsv.data();
      int hueShift = (int) Math.round(hueValue * 180.0 / 255.0);
      for (int i = 0; i < d.length; i += 3) {
        d[i] = (byte) Math.floorMod((d[i] & 0xFF) + hueShift, 180);
        d[i + 1] = (byte) HwcImage.clampRound((d[i + 1] & 0xFF) + satValue);
      }
      return withRgb(image, OpenCvOps.hsvToRgb(hsv));
    };
  }

  static HwcImage rgbPart(HwcImage image) {
    if (image.channels() == 3) {
      return image;
    }
    HwcImage rgb = HwcImage.blank(image.height(), image.width(), 3);
    byte[] s = image.data();
    byte[] d = rgb.data();
    int c = image.channels();
    for (int p = 0, q = 0; q < d.length; p += c, q += 3) {
      System.arraycopy(s, p, d, q, 3);
    }
    return rgb;
  }

  static HwcImage withRgb(HwcImage original, HwcImage rgb) {
    if (original.channels() == 3) {
      return rgb;
    }
    HwcImage out = original.copy();
    byte[] s = rgb.data();
    byte[] d = out.data();
    int c = original.channels();
    for (int p = 0, q = 0; q < s.length; p += c, q += 3) {
      System.arraycopy(s, q, d, p, 3);
    }
    return out;
  }
}
