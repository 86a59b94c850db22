package dev.musket.engine.augment.opencv;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC;

import dev.musket.engine.augment.HwcImage;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decoding and encoding images with OpenCV, and copying between {@link HwcImage} and {@code Mat}.
 *
 * <p>Why one place: this package is the only one allowed to touch OpenCV types. Decoded colour
 * images are returned in RGB order (OpenCV decodes BGR) because Musket's pipeline saw RGB; 16-bit
 * images are scaled to 8 bits (divided by 257) so every later step works on one pixel type.
 */
public final class OpenCvImages {
  private OpenCvImages() {}

  /** Decodes PNG/JPEG/BMP/TIFF bytes; empty when OpenCV cannot decode them. */
  public static Optional<HwcImage> decode(byte[] encoded) {
    try (PointerScope scope = new PointerScope()) {
      Mat buf = new Mat(1, encoded.length, CV_8UC(1));
      buf.data().put(encoded);
      Mat img = opencv_imgcodecs.imdecode(buf, opencv_imgcodecs.IMREAD_UNCHANGED);
      if (img == null || img.empty()) {
        return Optional.empty();
      }
      if (img.depth() != opencv_core.CV_8U) {
        Mat eight = new Mat();
        double scale = img.depth() == opencv_core.CV_16U ? 1.0 / 257.0 : 1.0;
        if (img.depth() == opencv_core.CV_32F || img.depth() == opencv_core.CV_64F) {
          scale = 255.0;
        }
        img.convertTo(eight, opencv_core.CV_8U, scale, 0);
        img = eight;
      }
      int c = img.channels();
      if (c == 3) {
        Mat rgb = new Mat();
        opencv_imgproc.cvtColor(img, rgb, opencv_imgproc.COLOR_BGR2RGB);
        img = rgb;
      } else if (c == 4) {
        Mat rgba = new Mat();
        opencv_imgproc.cvtColor(img, rgba, opencv_imgproc.COLOR_BGRA2RGBA);
        img = rgba;
      }
      return Optional.of(toImage(img));
    }
  }

  /** Encodes as PNG (lossless), for previews and tests. */
  public static byte[] encodePng(HwcImage image) {
    return encode(image, ".png");
  }

  /**
   * Encodes in the format of {@code extension} ({@code .png}, {@code .jpg}, {@code .bmp}, {@code
   * .tif}).
   */
  public static byte[] encode(HwcImage image, String extension) {
    try (PointerScope scope = new PointerScope()) {
      Mat m = toMat(image);
      if (image.channels() == 3) {
        opencv_imgproc.cvtColor(m, m, opencv_imgproc.COLOR_RGB2BGR);
      } else if (image.channels() == 4) {
        opencv_imgproc.cvtColor(m, m, opencv_imgproc.COLOR_RGBA2BGRA);
      }
      BytePointer out = new BytePointer();
      if (!opencv_imgcodecs.imencode(extension, m, out)) {
        throw new IllegalStateException("OpenCV could not encode " + image + " as " + extension);
      }
      byte[] bytes = new byte[(int) out.limit()];
      out.get(bytes);
      return bytes;
    }
  }

  /** A new Mat holding a copy of the image (the caller's PointerScope releases it). */
  static Mat toMat(HwcImage image) {
    Mat m = new Mat(image.height(), image.width(), CV_8UC(image.channels()));
    m.data().put(image.data());
    return m;
  }

  /** Copies a continuous 8-bit Mat into a new image. */
  static HwcImage toImage(Mat mat) {
    Mat m = mat.isContinuous() ? mat : mat.clone();
    byte[] data = new byte[m.rows() * m.cols() * m.channels()];
    m.data().get(data);
    return new HwcImage(m.rows(), m.cols(), m.channels(), data);
  }
}
