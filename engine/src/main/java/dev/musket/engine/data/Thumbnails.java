package dev.musket.engine.data;

import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.opencv.Interpolation;
import dev.musket.engine.augment.opencv.OpenCvOps;

/**
 * Small previews of dataset images, for viewers that show many at once (the workbench's dataset
 * grid). Why here: shrinking well needs OpenCV's area interpolation, and only the engine may call
 * OpenCV; callers get plain pixels back.
 */
public final class Thumbnails {
  private Thumbnails() {}

  /**
   * {@code image} shrunk (aspect kept) so that neither side exceeds {@code maxSide}; images already
   * that small come back as they are, never enlarged.
   */
  public static HwcImage fit(HwcImage image, int maxSide) {
    if (maxSide < 1) {
      throw new IllegalArgumentException("maxSide must be positive, got " + maxSide);
    }
    int longest = Math.max(image.height(), image.width());
    if (longest <= maxSide) {
      return image;
    }
    double scale = (double) maxSide / longest;
    int h = Math.max(1, (int) Math.round(image.height() * scale));
    int w = Math.max(1, (int) Math.round(image.width() * scale));
    return OpenCvOps.resize(image, h, w, Interpolation.AREA);
  }

  /** Decodes item {@code index} of {@code ds} and shrinks it with {@link #fit}. */
  public static HwcImage of(DataSet ds, int index, int maxSide) {
    return fit(ds.item(index).x(), maxSide);
  }
}
