package dev.musket.engine.augment.opencv;

import org.bytedeco.opencv.global.opencv_core;

/** imgaug's fill modes for pixels from outside the image, with OpenCV's equivalent border types. */
public enum BorderMode {
  CONSTANT(opencv_core.BORDER_CONSTANT),
  EDGE(opencv_core.BORDER_REPLICATE),
  SYMMETRIC(opencv_core.BORDER_REFLECT),
  REFLECT(opencv_core.BORDER_REFLECT_101),
  WRAP(opencv_core.BORDER_WRAP);

  final int cv;

  BorderMode(int cv) {
    this.cv = cv;
  }

  /** imgaug's names: constant, edge, symmetric, reflect, wrap. */
  public static BorderMode of(String imgaugName) {
    return valueOf(imgaugName.toUpperCase(java.util.Locale.ROOT));
  }
}
