package dev.musket.engine.onednn;

import org.bytedeco.dnnl.memory;

/**
 * The shape of one depthwise 2-D convolution in NCHW, as DL4J's {@code DepthwiseConvolution2D}
 * computes it: every input channel is convolved with its own {@code multiplier} kernels, giving
 * output channel {@code c * multiplier + m}. oneDNN runs it as a grouped convolution with one group
 * per input channel. Padding may differ between sides (DL4J's {@code Same} mode puts the odd row
 * and column at the bottom and right, as TensorFlow does) and the bottom/right padding may be
 * negative ({@code Truncate} mode drops rows and columns that fill no window).
 *
 * <p>DL4J keeps the weights as {@code [kernelH, kernelW, channels, multiplier]} in C order; {@link
 * #userWeights()} describes exactly that memory over oneDNN's {@code [groups, out/group, in/group,
 * kernelH, kernelW]} dimensions, so no copy is needed to read or write them.
 */
public record DepthwiseGeometry(
    int batch,
    int channels,
    int multiplier,
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
    implements ConvolutionShape {

  public DepthwiseGeometry {
    if (padTop < 0 || padLeft < 0 || outHeight < 1 || outWidth < 1) {
      throw new IllegalArgumentException("impossible depthwise convolution: " + this);
    }
  }

  @Override
  public long[] srcDims() {
    return new long[] {batch, channels, inHeight, inWidth};
  }

  @Override
  public long[] dstDims() {
    return new long[] {batch, (long) channels * multiplier, outHeight, outWidth};
  }

  @Override
  public long[] weightDims() {
    return new long[] {channels, multiplier, 1, kernelH, kernelW};
  }

  @Override
  public memory.desc userWeights() {
    long hStride = (long) kernelW * channels * multiplier;
    long wStride = (long) channels * multiplier;
    // [kH, kW, C, M] in C order, read as [G = C, O/G = M, I/G = 1, kH, kW]; the stride of the
    // size-1 dimension is never used.
    long[] strides = {multiplier, 1, 1, hStride, wStride};
    return new memory.desc(weightDims(), memory.data_type.f32, strides);
  }

  @Override
  public long[] biasDims() {
    return new long[] {(long) channels * multiplier};
  }

  @Override
  public long[] strides() {
    return new long[] {strideH, strideW};
  }

  @Override
  public long[] padBefore() {
    return new long[] {padTop, padLeft};
  }

  @Override
  public long[] padAfter() {
    return new long[] {
      (outHeight - 1L) * strideH + kernelH - inHeight - padTop,
      (outWidth - 1L) * strideW + kernelW - inWidth - padLeft
    };
  }
}
