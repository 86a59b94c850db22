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
    int w = in.width();
    int c = in.channels();
    byte[] src = in.data();
    byte[] dst = new byte[src.length];
    switch (c) {
      case 1 -> mirrorGray(src, dst, w);
      case 3 -> mirrorRgb(src, dst, w);
      case 4 -> mirrorRgba(src, dst, w);
      default -> {
        for (int row = 0; row < src.length; row += w * c) {
          mirrorPixels(src, dst, row, 0, w, w, c);
        }
      }
    }
    return new HwcImage(in.height(), w, c, dst);
  }

  // Pixels move through int/long views of the arrays (ByteViews): one load and store per pixel.

  private static void mirrorGray(byte[] src, byte[] dst, int w) {
    for (int row = 0; row < src.length; row += w) {
      int x = 0;
      for (; x + 8 <= w; x += 8) {
        ByteViews.setLong(dst, row + w - x - 8, Long.reverseBytes(ByteViews.getLong(src, row + x)));
      }
      mirrorPixels(src, dst, row, x, w, w, 1);
    }
  }

  private static void mirrorRgba(byte[] src, byte[] dst, int w) {
    int rowBytes = w * 4;
    for (int row = 0; row < src.length; row += rowBytes) {
      for (int d = row, s = row + rowBytes - 4; d < row + rowBytes; d += 4, s -= 4) {
        ByteViews.setInt(dst, d, ByteViews.getInt(src, s));
      }
    }
  }

  /**
   * Each 3-byte pixel is written as a 4-byte int whose extra byte lands on the next pixel (or the
   * next row's first byte), which is written after it. The image's last row is copied byte by byte
   * (4-byte windows there would run past the end; doing only its two end pixels apart made the JIT
   * compile the whole method about 15% slower).
   */
  private static void mirrorRgb(byte[] src, byte[] dst, int w) {
    int rowBytes = w * 3;
    int last = src.length - rowBytes;
    for (int row = 0; row < last; row += rowBytes) {
      mirrorRgbRow(src, dst, row, rowBytes);
    }
    // the last row byte by byte: its 4-byte windows would read and write past the image's end
    mirrorPixels(src, dst, last, 0, w, w, 3);
  }

  private static void mirrorRgbRow(byte[] src, byte[] dst, int row, int rowBytes) {
    for (int d = row, s = row + rowBytes - 3; d < row + rowBytes; d += 3, s -= 3) {
      ByteViews.setInt(dst, d, ByteViews.getInt(src, s));
    }
  }

  /** Mirrors pixels [from, to) of a row of {@code w} pixels, one byte at a time. */
  private static void mirrorPixels(
      byte[] src, byte[] dst, int row, int from, int to, int w, int c) {
    for (int x = from; x < to; x++) {
      int s = row + x * c;
      int d = row + (w - 1 - x) * c;
      for (int k = 0; k < c; k++) {
        dst[d + k] = src[s + k];
      }
    }
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
