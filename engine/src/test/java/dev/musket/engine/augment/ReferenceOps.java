package dev.musket.engine.augment;

import dev.musket.engine.augment.opencv.BorderMode;

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
}
