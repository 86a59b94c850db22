package dev.musket.engine.onednn;

/**
 * The shape of one 2-D convolution in NCHW / OIHW with symmetric padding and no dilation: what a
 * cached oneDNN primitive is specialised for.
 */
public record ConvGeometry(
    int batch,
    int inChannels,
    int outChannels,
    int kernel,
    int stride,
    int pad,
    int inHeight,
    int inWidth) {

  public int outHeight() {
    return (inHeight + 2 * pad - kernel) / stride + 1;
  }

  public int outWidth() {
    return (inWidth + 2 * pad - kernel) / stride + 1;
  }

  long[] srcDims() {
    return new long[] {batch, inChannels, inHeight, inWidth};
  }

  long[] weightDims() {
    return new long[] {outChannels, inChannels, kernel, kernel};
  }

  long[] dstDims() {
    return new long[] {batch, outChannels, outHeight(), outWidth()};
  }

  long[] strides() {
    return new long[] {stride, stride};
  }

  long[] padLeft() {
    return new long[] {pad, pad};
  }

  /** Right/bottom padding that makes the output size exact, as oneDNN wants it. */
  long[] padRight() {
    return new long[] {
      (outHeight() - 1L) * stride + kernel - inHeight - pad,
      (outWidth() - 1L) * stride + kernel - inWidth - pad
    };
  }

  /** Multiply-adds of the forward pass times two. */
  public double forwardFlops() {
    return 2.0
        * batch
        * outChannels
        * outHeight()
        * outWidth()
        * inChannels
        * kernel
        * (double) kernel;
  }
}
