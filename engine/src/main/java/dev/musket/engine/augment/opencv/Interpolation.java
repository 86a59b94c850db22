package dev.musket.engine.augment.opencv;

import org.bytedeco.opencv.global.opencv_imgproc;

/**
 * Interpolation by imgaug's {@code order} (0 nearest, 1 linear, 3 cubic) or name, as OpenCV flags.
 */
public enum Interpolation {
  NEAREST(opencv_imgproc.INTER_NEAREST),
  LINEAR(opencv_imgproc.INTER_LINEAR),
  CUBIC(opencv_imgproc.INTER_CUBIC),
  AREA(opencv_imgproc.INTER_AREA);

  final int cv;

  Interpolation(int cv) {
    this.cv = cv;
  }

  /**
   * imgaug's spline order: 0 nearest, 1 linear, 3 (and above) cubic; 2 is linear as in imgaug's cv2
   * backend.
   */
  public static Interpolation ofOrder(int order) {
    return order <= 0 ? NEAREST : order < 3 ? LINEAR : CUBIC;
  }
}
