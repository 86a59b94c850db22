package dev.musket.engine.augment;

/**
 * Fliplr, Flipud and Musket's Rotate90: exact pixel permutations, done in plain Java (no
 * interpolation, so no reason to copy through OpenCV).
 */
final class FlipAugmenters {
  private FlipAugmenters() {}

  static Augmenter fliplr(AugmenterArgs a) {
    double p = a.probability("p");
    return (image, random) -> random.nextDouble() < p ? flipHorizontal(image) : image;
  }

  static Augmenter flipud(AugmenterArgs a) {
    double p = a.probability("p");
    return (image, random) -> random.nextDouble() < p ? flipVertical(image) : image;
  }

  static Augmenter rotate90(AugmenterArgs a) {
    boolean enabled = a.bool("enabled");
    return (image, random) -> enabled ? rotateQuarterTurns(image, random.nextInt(4)) : image;
  }

  static HwcImage flipHorizontal(HwcImage in) {
    int h = in.height();
    int w = in.width();
    int c = in.channels();
    byte[] src = in.data();
    byte[] dst = new byte[src.length];
    for (int y = 0; y < h; y++) {
      int row = y * w * c;
      // byte loops: far cheaper than one System.arraycopy call per 1-4 byte pixel
      if (c == 3) {
        for (int from = row, to = row + (w - 1) * 3; to >= row; from += 3, to -= 3) {
          dst[to] = src[from];
          dst[to + 1] = src[from + 1];
          dst[to + 2] = src[from + 2];
        }
        continue;
      }
      for (int x = 0, from = row, to = row + (w - 1) * c; x < w; x++, from += c, to -= c) {
        for (int k = 0; k < c; k++) {
          dst[to + k] = src[from + k];
        }
      }
    }
    return new HwcImage(h, w, c, dst);
  }

  static HwcImage flipVertical(HwcImage in) {
    int rowBytes = in.width() * in.channels();
    byte[] src = in.data();
    byte[] dst = new byte[src.length];
    for (int y = 0; y < in.height(); y++) {
      System.arraycopy(src, y * rowBytes, dst, (in.height() - 1 - y) * rowBytes, rowBytes);
    }
    return new HwcImage(in.height(), in.width(), in.channels(), dst);
  }

  /**
   * Rotates clockwise by {@code k} quarter turns (as displayed, y pointing down), like {@code
   * np.rot90(img, -k)}.
   */
  static HwcImage rotateQuarterTurns(HwcImage in, int k) {
    int turns = Math.floorMod(k, 4);
    if (turns == 0) {
      return in;
    }
    if (turns == 2) {
      return flipVertical(flipHorizontal(in));
    }
    int h = in.height();
    int w = in.width();
    int c = in.channels();
    HwcImage out = HwcImage.blank(w, h, c);
    byte[] src = in.data();
    byte[] dst = out.data();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int ny = turns == 1 ? x : w - 1 - x;
        int nx = turns == 1 ? h - 1 - y : y;
        System.arraycopy(src, (y * w + x) * c, dst, (ny * h + nx) * c, c);
      }
    }
    return out;
  }
}
