package dev.musket.engine.augment;

import dev.musket.engine.augment.opencv.BorderMode;
import dev.musket.engine.augment.opencv.OpenCvOps;

/**
 * The straightforward per-pixel versions of operations that now have fast paths, kept as the oracle
 * the fast paths must match bit for bit (they are the implementations the augmenters had before the
 * fast paths, and the ones the tests of imgaug's behaviour were written against).
 */
final class ReferenceOps {
  private ReferenceOps() {}

  static HwcImage flipHorizontal(HwcImage in) {
    HwcImage out = HwcImage.blank(in.height(), in.width(), in.channels());
    for (int y = 0; y < in.height(); y++) {
      for (int x = 0; x < in.width(); x++) {
        for (int k = 0; k < in.channels(); k++) {
          out.set(y, in.width() - 1 - x, k, in.get(y, x, k));
        }
      }
    }
    return out;
  }

  /** Pads (positive) or crops (negative) each side, one pixel at a time. */
  static HwcImage cropPad(
      HwcImage in, int top, int right, int bottom, int left, BorderMode mode, double cval) {
    int h = in.height();
    int w = in.width();
    int c = in.channels();
    HwcImage out = HwcImage.blank(h + top + bottom, w + left + right, c);
    for (int y = 0; y < out.height(); y++) {
      int sy = BorderIndex.map(y - top, h, mode);
      for (int x = 0; x < out.width(); x++) {
        int sx = BorderIndex.map(x - left, w, mode);
        for (int k = 0; k < c; k++) {
          out.set(y, x, k, sy < 0 || sx < 0 ? (int) cval : in.get(sy, sx, k));
        }
      }
    }
    return out;
  }

  /** Grayscale's blend as it was: OpenCV's gray image, then the blend per channel with clamping. */
  static HwcImage blendWithGray(HwcImage image, double al) {
    HwcImage gray = OpenCvOps.rgbToGray(ColorAugmenters.rgbPart(image));
    HwcImage out = image.copy();
    int[] keep = new int[256];
    int[] add = new int[256];
    for (int v = 0; v < 256; v++) {
      keep[v] = (int) Math.round((1 - al) * v * 1024);
      add[v] = (int) Math.round(al * v * 1024);
    }
    for (int y = 0; y < image.height(); y++) {
      for (int x = 0; x < image.width(); x++) {
        int gv = add[gray.get(y, x, 0)];
        for (int k = 0; k < 3; k++) {
          out.set(y, x, k, (keep[image.get(y, x, k)] + gv + 512) >> 10);
        }
      }
    }
    return out;
  }
}
