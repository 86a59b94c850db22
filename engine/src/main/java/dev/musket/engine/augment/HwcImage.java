package dev.musket.engine.augment;

import java.util.Arrays;

/**
 * An 8-bit image stored height x width x channels (interleaved, row-major), the layout imgaug and
 * OpenCV both use.
 *
 * <p>Why our own type: only {@code augment.opencv} may touch OpenCV (an architecture rule), so the
 * rest of the engine (datasets, loader, augmenters written in plain Java) passes these small
 * buffers around; conversion to an OpenCV {@code Mat} is one copy inside that package. Channels of
 * colour images are in RGB order, as Musket's Python pipeline saw them.
 */
public final class HwcImage {
  private final int height;
  private final int width;
  private final int channels;
  private final byte[] data;

  public HwcImage(int height, int width, int channels, byte[] data) {
    if (height < 1 || width < 1 || channels < 1) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + height + "x" + width + "x" + channels);
    }
    if (data.length != height * width * channels) {
      throw new IllegalArgumentException(
          "buffer holds "
              + data.length
              + " bytes, "
              + height
              + "x"
              + width
              + "x"
              + channels
              + " needs "
              + height * width * channels);
    }
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.data = data;
  }

  /** An all-zero (black) image. */
  public static HwcImage blank(int height, int width, int channels) {
    return new HwcImage(height, width, channels, new byte[height * width * channels]);
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public int channels() {
    return channels;
  }

  /** The backing buffer (not a copy): augmenters write into fresh images, never into inputs. */
  public byte[] data() {
    return data;
  }

  public int index(int y, int x, int c) {
    return (y * width + x) * channels + c;
  }

  /** The value at (y, x, c) as 0..255. */
  public int get(int y, int x, int c) {
    return data[index(y, x, c)] & 0xFF;
  }

  public void set(int y, int x, int c, int value) {
    data[index(y, x, c)] = (byte) clamp(value);
  }

  public HwcImage copy() {
    return new HwcImage(height, width, channels, data.clone());
  }

  /** Saturates to 0..255 as OpenCV's {@code saturate_cast<uchar>} does for integers. */
  public static int clamp(int v) {
    return v < 0 ? 0 : Math.min(v, 255);
  }

  /** Rounds half to even, then saturates, as numpy's round + clip do. */
  public static int clampRound(double v) {
    if (v <= 0) {
      return 0;
    }
    if (v >= 255) {
      return 255;
    }
    return (int) Math.rint(v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HwcImage other
        && other.height == height
        && other.width == width
        && other.channels == channels
        && Arrays.equals(other.data, data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data) * 31 + height * 7 + width * 3 + channels;
  }

  @Override
  public String toString() {
    return "HwcImage[" + height + "x" + width + "x" + channels + "]";
  }
}
