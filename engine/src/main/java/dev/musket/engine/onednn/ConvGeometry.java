package dev.musket.engine.onednn;

import org.bytedeco.dnnl.memory;

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
    int inWidth)
    implements ConvolutionShape {

  public int outHeight() {
    return (inHeight + 2 * pad - kernel) / stride + 1;
  }

  public int outWidth() {
    return (inWidth + 2 * pad - kernel) / stride + 1;
  }

  @Override
  public long[] srcDims() {
    return new long[] {batch, inChannels, inHeight, inWidth};
  }

  @Override
  public long[] weightDims() {
    return new long[] {outChannels, inChannels, kernel, kernel};
  }

  @Override
  public long[] dstDims() {
    return new long[] {batch, outChannels, outHeight(), outWidth()};
  }

  @Override
  public memory.desc userWeights() {
    return OneDnn.plain(weightDims(), memory.format_tag.oihw);
  }

  @Override
  public long[] biasDims() {
    return new long[] {outChannels};
  }

  @Override
  public long[] strides() {
    return new long[] {stride, stride};
  }

  @Override
  public long[] padBefore() {
    return new long[] {pad, pad};
  }

  /** Right/bottom padding that makes the output size exact, as oneDNN wants it. */
  @Override
  public long[] padAfter() {
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
