package dev.musket.engine.onednn;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shape of one 2-D pooling over an NCHW input without dilation: what a cached oneDNN pooling
 * primitive is specialised for. As for convolutions ({@link ConvGeometry}), the output size and the
 * top/left padding are DL4J's own, so DL4J's {@code Same} mode puts the odd row and column at the
 * bottom and right, and {@code Truncate} drops the rows and columns that fill no window (a negative
 * bottom/right padding, which oneDNN accepts).
 */
record PoolGeometry(
    int batch,
    int channels,
    int kernelH,
    int kernelW,
    int strideH,
    int strideW,
    int padTop,
    int padLeft,
    int outHeight,
    int outWidth,
    int inHeight,
    int inWidth)
    implements WindowShape {

  /**
   * The geometry of a call as DL4J's {@code SubsamplingLayer} computes it, or {@code null} if the
   * engine's pooling does not cover it: NHWC, dilation, other data types than float32, a rank other
   * than 4, a window larger than the padded input (DL4J's own path then gives its error message),
   * or padding of a kernel's size or more (oneDNN refuses windows that lie wholly in the padding).
   */
  static PoolGeometry of(
      INDArray input,
      int[] kernel,
      int[] strides,
      int[] padding,
      int[] dilation,
      ConvolutionMode mode,
      CNN2DFormat format) {
    boolean covered =
        format == CNN2DFormat.NCHW
            && input.dataType() == DataType.FLOAT
            && input.rank() == 4
            && (mode == ConvolutionMode.Same
                || mode == ConvolutionMode.Truncate
                || mode == ConvolutionMode.Strict)
            && dilation[0] == 1
            && dilation[1] == 1
            && (mode == ConvolutionMode.Same
                || input.size(2) + 2L * padding[0] >= kernel[0]
                    && input.size(3) + 2L * padding[1] >= kernel[1]);
    if (!covered) {
      return null;
    }
    // Strict only validates sizes when a network is built; at run time DL4J's pooling rounds down
    // as Truncate does, so a Strict layer given another image size must not throw here
    ConvGeometry.Window w =
        ConvGeometry.Window.of(
            input,
            kernel,
            strides,
            padding,
            mode == ConvolutionMode.Same ? ConvolutionMode.Same : ConvolutionMode.Truncate);
    PoolGeometry geometry =
        new PoolGeometry(
            (int) input.size(0),
            (int) input.size(1),
            kernel[0],
            kernel[1],
            strides[0],
            strides[1],
            w.padTop(),
            w.padLeft(),
            w.outHeight(),
            w.outWidth(),
            (int) input.size(2),
            (int) input.size(3));
    long[] after = geometry.padAfter();
    boolean windowsTouchInput =
        geometry.padTop < kernel[0]
            && geometry.padLeft < kernel[1]
            && after[0] < kernel[0]
            && after[1] < kernel[1];
    return windowsTouchInput && w.outHeight() > 0 && w.outWidth() > 0 ? geometry : null;
  }

  /**
   * A window over the whole map of an NCHW float32 input (global pooling), or {@code null} if the
   * input is not one.
   */
  static PoolGeometry global(INDArray input) {
    if (input.dataType() != DataType.FLOAT || input.rank() != 4) {
      return null;
    }
    int h = (int) input.size(2);
    int w = (int) input.size(3);
    return new PoolGeometry((int) input.size(0), (int) input.size(1), h, w, 1, 1, 0, 0, 1, 1, h, w);
  }

  long[] srcDims() {
    return new long[] {batch, channels, inHeight, inWidth};
  }

  long[] dstDims() {
    return new long[] {batch, channels, outHeight, outWidth};
  }

  long[] kernel() {
    return new long[] {kernelH, kernelW};
  }
}
