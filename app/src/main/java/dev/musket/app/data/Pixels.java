package dev.musket.app.data;

import dev.musket.engine.augment.HwcImage;

/**
 * An image as packed ARGB ints, the form a view turns into a JavaFX image in one call. Why not the
 * JavaFX image itself: view-models must not touch {@code javafx.scene}, and decoding happens on a
 * background thread.
 */
public record Pixels(int width, int height, int[] argb) {

  public Pixels {
    if (argb.length != width * height) {
      throw new IllegalArgumentException(
          argb.length + " pixels do not make a " + width + "x" + height + " image");
    }
  }

  /** Converts an engine image (grey, RGB or RGBA, channels in RGB order) to opaque ARGB. */
  public static Pixels of(HwcImage image) {
    int w = image.width();
    int h = image.height();
    int c = image.channels();
    byte[] d = image.data();
    int[] out = new int[w * h];
    for (int p = 0; p < out.length; p++) {
      int o = p * c;
      int r = d[o] & 0xFF;
      int g = c >= 3 ? d[o + 1] & 0xFF : r;
      int b = c >= 3 ? d[o + 2] & 0xFF : r;
      int a = c == 4 ? d[o + 3] & 0xFF : (c == 2 ? d[o + 1] & 0xFF : 0xFF);
      out[p] = a << 24 | r << 16 | g << 8 | b;
    }
    return new Pixels(w, h, out);
  }

  /** The ARGB value at (x, y). */
  public int at(int x, int y) {
    return argb[y * width + x];
  }
}
