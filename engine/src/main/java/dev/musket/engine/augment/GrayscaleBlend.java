package dev.musket.engine.augment;

/**
 * Grayscale's pixel work: {@code (1 - alpha) v + alpha gray} per RGB channel, in one pass over the
 * image, with OpenCV's own gray value.
 *
 * <p>Why not {@code cvtColor}: a Mat round trip (copy in, convert, copy out) and then a blend pass
 * cost three passes and two copies; computing OpenCV's fixed-point {@code RGB2Gray<uchar>} here
 * gives the same bytes (checked for all 2^24 colours in the tests) in the blend loop itself.
 */
final class GrayscaleBlend {
  /**
   * {@code 9798 r + 19235 g + 16384} by {@code r | g << 8}: one load instead of two multiplications
   * per pixel (256 KiB, mostly in cache: neighbouring pixels have close colours).
   */
  private static final int[] RED_GREEN = new int[1 << 16];

  static {
    for (int i = 0; i < RED_GREEN.length; i++) {
      RED_GREEN[i] = (i & 0xFF) * 9798 + (i >> 8) * 19235 + 16384;
    }
  }

  private GrayscaleBlend() {}

  /**
   * OpenCV's {@code RGB2Gray<uchar>}: 0.299 R + 0.587 G + 0.114 B in 15-bit fixed point (its {@code
   * RY15, GY15, BY15}), rounded.
   */
  static int gray(int r, int g, int b) {
    return (r * 9798 + g * 19235 + b * 3735 + 16384) >> 15;
  }

  /**
   * The blended image; channels after the third (alpha) are kept. Both terms of the blend come from
   * tables in 1/1024 steps.
   */
  static HwcImage apply(HwcImage image, double alpha) {
    int c = image.channels();
    byte[] src = image.data();
    byte[] dst = c == 3 ? new byte[src.length] : src.clone();
    if (alpha == 1 && c == 3) {
      // (0 + 1024 gray + 512) >> 10 == gray: the blend would give the gray value itself
      toGrayRgb(src, dst);
    } else {
      blend(src, dst, c, alpha);
    }
    return new HwcImage(image.height(), image.width(), c, dst);
  }

  /**
   * Byte loads and stores: a variant moving a pixel per int load and store (as Fliplr does) was
   * faster in a short timing loop but, once JMH's run had it recompiled, 1.8x slower than this.
   */
  private static void toGrayRgb(byte[] src, byte[] dst) {
    for (int p = 0; p < src.length; p += 3) {
      int r = src[p] & 0xFF;
      int g = src[p + 1] & 0xFF;
      byte gray = (byte) ((RED_GREEN[r | g << 8] + (src[p + 2] & 0xFF) * 3735) >> 15);
      dst[p] = gray;
      dst[p + 1] = gray;
      dst[p + 2] = gray;
    }
  }

  private static void blend(byte[] src, byte[] dst, int c, double alpha) {
    int[] keep = new int[256];
    int[] add = new int[256];
    for (int v = 0; v < 256; v++) {
      keep[v] = (int) Math.round((1 - alpha) * v * 1024);
      add[v] = (int) Math.round(alpha * v * 1024) + 512;
    }
    // a constant stride for RGB lets the JIT unroll the loop (twice as fast as a variable one)
    if (c == 3) {
      for (int p = 0; p < src.length; p += 3) {
        blendPixel(src, dst, p, keep, add);
      }
    } else {
      for (int p = 0; p < src.length; p += c) {
        blendPixel(src, dst, p, keep, add);
      }
    }
  }

  /** keep[v] + add[g] <= 255 * 1024 + 1 + 512 (each table rounds by at most 1/2): no clamping. */
  private static void blendPixel(byte[] src, byte[] dst, int p, int[] keep, int[] add) {
    int r = src[p] & 0xFF;
    int g = src[p + 1] & 0xFF;
    int b = src[p + 2] & 0xFF;
    int gv = add[(RED_GREEN[r | g << 8] + b * 3735) >> 15];
    dst[p] = (byte) ((keep[r] + gv) >> 10);
    dst[p + 1] = (byte) ((keep[g] + gv) >> 10);
    dst[p + 2] = (byte) ((keep[b] + gv) >> 10);
  }
}
