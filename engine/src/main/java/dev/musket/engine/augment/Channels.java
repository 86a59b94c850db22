package dev.musket.engine.augment;

/**
 * Channel-count adaptation (gray to RGB, RGBA to RGB, RGB to gray...), so every image matches the
 * model's {@code shape[2]} whatever its file held.
 */
public final class Channels {
  private Channels() {}

  /**
   * Returns the image with {@code channels} channels: gray is repeated, alpha is dropped, colour is
   * turned to gray with OpenCV's weights (0.299, 0.587, 0.114); other counts repeat or truncate
   * channels.
   */
  public static HwcImage adapt(HwcImage in, int channels) {
    int c = in.channels();
    if (c == channels) {
      return in;
    }
    int n = in.height() * in.width();
    HwcImage out = HwcImage.blank(in.height(), in.width(), channels);
    byte[] s = in.data();
    byte[] d = out.data();
    for (int i = 0; i < n; i++) {
      if (channels == 1 && c >= 3) {
        double g =
            0.299 * (s[i * c] & 0xFF)
                + 0.587 * (s[i * c + 1] & 0xFF)
                + 0.114 * (s[i * c + 2] & 0xFF);
        d[i] = (byte) HwcImage.clampRound(g);
      } else {
        for (int k = 0; k < channels; k++) {
          int from = c == 1 ? 0 : Math.min(k, c - 1);
          if (c == 2 && k >= 1) {
            from = 0; // gray + alpha: colour channels repeat the gray one
          }
          boolean addedAlpha = c == 3 && k == 3;
          d[i * channels + k] = addedAlpha ? (byte) 255 : s[i * c + from];
        }
      }
    }
    return out;
  }
}
