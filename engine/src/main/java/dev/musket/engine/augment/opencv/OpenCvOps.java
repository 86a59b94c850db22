package dev.musket.engine.augment.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;

import dev.musket.engine.augment.HwcImage;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The OpenCV image operations the augmenters need, on {@link HwcImage}s in and out.
 *
 * <p>Why: geometric warps, resizing and filters are where OpenCV's SIMD code earns its keep (imgaug
 * itself calls cv2 for the same operations), and keeping every call here keeps native memory
 * handling (each call releases its Mats through a {@link PointerScope}) in one reviewed place.
 */
public final class OpenCvOps {
  private OpenCvOps() {}

  /**
   * Sets the size of OpenCV's own thread pool for the whole process. The loader calls it with 1: it
   * already runs one image per worker thread, and nested OpenCV threads would only compete with
   * them (and with ND4J) for the same cores.
   */
  public static void setInternalThreads(int threads) {
    opencv_core.setNumThreads(threads);
  }

  /**
   * Warps with a forward 2x3 matrix {@code [a, b, c, d, e, f]} mapping source (x, y) to destination
   * (a*x + b*y + c, d*x + e*y + f), as {@code cv2.warpAffine} does; the output keeps the size.
   */
  public static HwcImage warpAffine(
      HwcImage image, double[] matrix, Interpolation interpolation, BorderMode mode, double cval) {
    try (PointerScope scope = new PointerScope()) {
      Mat src = OpenCvImages.toMat(image);
      Mat m = new Mat(2, 3, CV_64FC1);
      DoubleIndexer idx = m.createIndexer();
      for (int i = 0; i < 6; i++) {
        idx.put(i / 3, i % 3, matrix[i]);
      }
      Mat dst = new Mat();
      opencv_imgproc.warpAffine(
          src,
          dst,
          m,
          new Size(image.width(), image.height()),
          interpolation.cv,
          mode.cv,
          new Scalar(cval, cval, cval, cval));
      return OpenCvImages.toImage(dst);
    }
  }

  /** Warps with a forward 3x3 homography into an image of the given size. */
  public static HwcImage warpPerspective(
      HwcImage image,
      double[] homography,
      int outWidth,
      int outHeight,
      Interpolation interpolation,
      BorderMode mode,
      double cval) {
    try (PointerScope scope = new PointerScope()) {
      Mat src = OpenCvImages.toMat(image);
      Mat m = new Mat(3, 3, CV_64FC1);
      DoubleIndexer idx = m.createIndexer();
      for (int i = 0; i < 9; i++) {
        idx.put(i / 3, i % 3, homography[i]);
      }
      Mat dst = new Mat();
      opencv_imgproc.warpPerspective(
          src,
          dst,
          m,
          new Size(outWidth, outHeight),
          interpolation.cv,
          mode.cv,
          new Scalar(cval, cval, cval, cval));
      return OpenCvImages.toImage(dst);
    }
  }

  /** The homography mapping four source points to four destination points (x0, y0, x1, y1...). */
  public static double[] perspectiveMatrix(float[] src, float[] dst) {
    try (PointerScope scope = new PointerScope()) {
      Mat s = new Mat(4, 2, CV_32FC1);
      Mat d = new Mat(4, 2, CV_32FC1);
      ((FloatBuffer) s.createBuffer()).put(src);
      ((FloatBuffer) d.createBuffer()).put(dst);
      Mat h = opencv_imgproc.getPerspectiveTransform(s, d);
      double[] out = new double[9];
      ((DoubleBuffer) h.createBuffer()).get(out);
      return out;
    }
  }

  public static HwcImage resize(HwcImage image, int height, int width, Interpolation interp) {
    if (image.height() == height && image.width() == width) {
      return image.copy();
    }
    try (PointerScope scope = new PointerScope()) {
      Mat dst = new Mat();
      opencv_imgproc.resize(
          OpenCvImages.toMat(image), dst, new Size(width, height), 0, 0, interp.cv);
      return OpenCvImages.toImage(dst);
    }
  }

  /** {@code cv2.GaussianBlur} with imgaug's kernel size for sigma and reflect-101 borders. */
  public static HwcImage gaussianBlur(HwcImage image, double sigma) {
    try (PointerScope scope = new PointerScope()) {
      int k = gaussianKernelSize(sigma);
      Mat dst = new Mat();
      opencv_imgproc.GaussianBlur(
          OpenCvImages.toMat(image),
          dst,
          new Size(k, k),
          sigma,
          sigma,
          opencv_core.BORDER_REFLECT_101);
      return OpenCvImages.toImage(dst);
    }
  }

  /** imgaug 0.4's kernel size for a Gaussian of {@code sigma}: round(3.3 sigma), made odd, >= 3. */
  static int gaussianKernelSize(double sigma) {
    int k = (int) Math.max(3, Math.round(3.3 * sigma));
    return k % 2 == 0 ? k + 1 : k;
  }

  /** {@code cv2.blur}: the mean over a kh x kw window. */
  public static HwcImage boxBlur(HwcImage image, int kh, int kw) {
    try (PointerScope scope = new PointerScope()) {
      Mat dst = new Mat();
      opencv_imgproc.blur(OpenCvImages.toMat(image), dst, new Size(kw, kh));
      return OpenCvImages.toImage(dst);
    }
  }

  /** {@code cv2.medianBlur} with an odd kernel size. */
  public static HwcImage medianBlur(HwcImage image, int k) {
    try (PointerScope scope = new PointerScope()) {
      Mat dst = new Mat();
      opencv_imgproc.medianBlur(OpenCvImages.toMat(image), dst, k);
      return OpenCvImages.toImage(dst);
    }
  }

  /** {@code cv2.filter2D} with a 3x3 kernel (row-major), results rounded and saturated. */
  public static HwcImage filter3x3(HwcImage image, double[] kernel) {
    try (PointerScope scope = new PointerScope()) {
      Mat k = new Mat(3, 3, CV_64FC1);
      ((DoubleBuffer) k.createBuffer()).put(kernel);
      Mat dst = new Mat();
      opencv_imgproc.filter2D(OpenCvImages.toMat(image), dst, -1, k);
      return OpenCvImages.toImage(dst);
    }
  }

  /** RGB to one gray channel with OpenCV's weights (0.299 R + 0.587 G + 0.114 B). */
  public static HwcImage rgbToGray(HwcImage rgb) {
    return convert(rgb, opencv_imgproc.COLOR_RGB2GRAY);
  }

  /** RGB to HSV with 8-bit ranges (H 0..179, S and V 0..255), as cv2 and imgaug use. */
  public static HwcImage rgbToHsv(HwcImage rgb) {
    return convert(rgb, opencv_imgproc.COLOR_RGB2HSV);
  }

  public static HwcImage hsvToRgb(HwcImage hsv) {
    return convert(hsv, opencv_imgproc.COLOR_HSV2RGB);
  }

  private static HwcImage convert(HwcImage image, int code) {
    try (PointerScope scope = new PointerScope()) {
      Mat dst = new Mat();
      opencv_imgproc.cvtColor(OpenCvImages.toMat(image), dst, code);
      return OpenCvImages.toImage(dst);
    }
  }

  /**
   * Samples the image at (mapX, mapY) for each output pixel ({@code cv2.remap}); maps are h*w
   * floats, row-major.
   */
  public static HwcImage remap(
      HwcImage image,
      float[] mapX,
      float[] mapY,
      Interpolation interpolation,
      BorderMode mode,
      double cval) {
    try (PointerScope scope = new PointerScope()) {
      Mat mx = new Mat(image.height(), image.width(), CV_32FC1);
      Mat my = new Mat(image.height(), image.width(), CV_32FC1);
      ((FloatBuffer) mx.createBuffer()).put(mapX);
      ((FloatBuffer) my.createBuffer()).put(mapY);
      Mat dst = new Mat();
      opencv_imgproc.remap(
          OpenCvImages.toMat(image),
          dst,
          mx,
          my,
          interpolation.cv,
          mode.cv,
          new Scalar(cval, cval, cval, cval));
      return OpenCvImages.toImage(dst);
    }
  }

  /** Gaussian smoothing of a float field (h*w, row-major) in place, for elastic transformations. */
  public static void gaussianBlurField(float[] field, int height, int width, double sigma) {
    try (PointerScope scope = new PointerScope()) {
      Mat m = new Mat(height, width, CV_32FC1);
      ((FloatBuffer) m.createBuffer()).put(field);
      Mat dst = new Mat();
      int k = gaussianKernelSize(sigma);
      opencv_imgproc.GaussianBlur(
          m, dst, new Size(k, k), sigma, sigma, opencv_core.BORDER_REFLECT_101);
      ((FloatBuffer) dst.createBuffer()).get(field);
    }
  }

  /** Erodes a one-channel mask by a square of side {@code 2 * pixels + 1}. */
  public static HwcImage erode(HwcImage mask, int pixels) {
    if (pixels <= 0) {
      return mask.copy();
    }
    try (PointerScope scope = new PointerScope()) {
      Mat kernel =
          opencv_imgproc.getStructuringElement(
              opencv_imgproc.MORPH_RECT, new Size(2 * pixels + 1, 2 * pixels + 1));
      Mat dst = new Mat();
      opencv_imgproc.erode(
          OpenCvImages.toMat(mask),
          dst,
          kernel,
          new Point(-1, -1),
          1,
          opencv_core.BORDER_CONSTANT,
          new Scalar(255, 255, 255, 255));
      return OpenCvImages.toImage(dst);
    }
  }
}
