package dev.musket.engine.onednn;

import org.bytedeco.dnnl.memory;

/**
 * What one cached oneDNN convolution is specialised for: the NCHW activation dimensions, the weight
 * dimensions in oneDNN's order (grouped weights have a leading group dimension), the layout DL4J
 * keeps the weights in, strides and the padding on each side. {@link ConvGeometry} describes plain
 * convolutions, {@link DepthwiseGeometry} depthwise ones; {@link OneDnnConvolution} runs either.
 */
interface ConvolutionShape {

  long[] srcDims();

  long[] dstDims();

  /** oneDNN's weight dimensions: OIHW, or GOIHW for grouped convolutions. */
  long[] weightDims();

  /** The layout of the weights as DL4J stores them, over {@link #weightDims()}. */
  memory.desc userWeights();

  /** One bias per output channel. */
  long[] biasDims();

  int kernelH();

  int kernelW();

  int strideH();

  int strideW();

  int padTop();

  int padLeft();

  int inHeight();

  int inWidth();

  int outHeight();

  int outWidth();

  default long[] strides() {
    return new long[] {strideH(), strideW()};
  }

  /** Top and left padding. */
  default long[] padBefore() {
    return new long[] {padTop(), padLeft()};
  }

  /**
   * Bottom and right padding that makes the output size exact, as oneDNN wants it; negative where
   * rows that fill no window are dropped (Truncate).
   */
  default long[] padAfter() {
    return new long[] {
      (outHeight() - 1L) * strideH() + kernelH() - inHeight() - padTop(),
      (outWidth() - 1L) * strideW() + kernelW() - inWidth() - padLeft()
    };
  }
}
