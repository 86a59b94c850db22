package dev.musket.engine.onednn;

import dev.musket.engine.runtime.ComputeBackend;
import org.bytedeco.dnnl.memory;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shape of one depthwise 2-D convolution in NCHW, as DL4J's {@code DepthwiseConvolution2D}
 * computes it: every input channel is convolved with its own {@code multiplier} kernels, giving
 * output channel {@code c * multiplier + m}. oneDNN runs it as a grouped convolution with one group
 * per input channel. Padding may differ between sides (DL4J's {@code Same} mode puts the odd row
 * and column at the bottom and right, as TensorFlow does) and the bottom/right padding may be
 * negative ({@code Truncate} mode drops rows and columns that fill no window).
 *
 * <p>DL4J keeps the weights in C order as {@code [kernelH, kernelW, channels, multiplier]} ({@code
 * DepthwiseConvolution2D}) or {@code [multiplier, channels, kernelH, kernelW]} (the depthwise part
 * of {@code SeparableConvolution2D}); {@link #userWeights()} describes exactly that memory over
 * oneDNN's {@code [groups, out/group, in/group, kernelH, kernelW]} dimensions, so no copy is needed
 * to read or write them.
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
    int inWidth,
    WeightLayout weightLayout)
    implements ConvolutionShape {

  /** How DL4J lays out a depthwise kernel. */
  public enum WeightLayout {
    /** {@code [kernelH, kernelW, channels, multiplier]}: {@code DepthwiseConvolution2D}. */
    KH_KW_C_M,
    /** {@code [multiplier, channels, kernelH, kernelW]}: {@code SeparableConvolution2D}. */
    M_C_KH_KW
  }

  public DepthwiseGeometry {
    if (padTop < 0 || padLeft < 0 || outHeight < 1 || outWidth < 1) {
      throw new IllegalArgumentException("impossible depthwise convolution: " + this);
    }
  }

  /**
   * Whether the engine's oneDNN path covers a call: NCHW, float32, rank-4 dense weights, no
   * dilation. Other calls (and wrong inputs, for DL4J's error messages) take DL4J's own path.
   */
  static boolean covers(
      INDArray input, INDArray weights, int[] dilation, CNN2DFormat format, ConvolutionMode mode) {
    // oneDNN's CPU engine cannot read ND4J's CUDA buffers: a -Pcuda build keeps DL4J's path
    return !ComputeBackend.isCuda()
        && format == CNN2DFormat.NCHW
        && mode != ConvolutionMode.Causal
        && input.dataType() == DataType.FLOAT
        && weights.dataType() == DataType.FLOAT
        && input.rank() == 4
        && weights.rank() == 4
        && dilation[0] == 1
        && dilation[1] == 1
        && OneDnn.isDense(weights);
  }

  /**
   * The geometry of a call as DL4J's layers compute it: the output size from {@link
   * ConvolutionUtils#getOutputSize} and, in {@code Same} mode, the top/left padding from {@link
   * ConvolutionUtils#getSameModeTopLeftPadding} (otherwise the configured {@code padding}), so odd
   * sizes, {@code Same} and {@code Truncate} come out exactly as in DL4J.
   */
  static DepthwiseGeometry of(
      INDArray input,
      int multiplier,
      int[] kernel,
      int[] strides,
      int[] padding,
      ConvolutionMode mode,
      WeightLayout weightLayout) {
    ConvGeometry.Window w = ConvGeometry.Window.of(input, kernel, strides, padding, mode);
    return new DepthwiseGeometry(
        (int) input.size(0),
        (int) input.size(1),
        multiplier,
        kernel[0],
        kernel[1],
        strides[0],
        strides[1],
        w.padTop(),
        w.padLeft(),
        w.outHeight(),
        w.outWidth(),
        (int) input.size(2),
        (int) input.size(3),
        weightLayout);
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
    long kernelArea = (long) kernelH * kernelW;
    // read as [G = C, O/G = M, I/G = 1, kH, kW]; the stride of the size-1 dimension is never used
    long[] strides =
        switch (weightLayout) {
          case KH_KW_C_M ->
              new long[] {
                multiplier,
                1,
                1,
                (long) kernelW * channels * multiplier,
                (long) channels * multiplier
              };
          case M_C_KH_KW -> new long[] {kernelArea, channels * kernelArea, 1, kernelW, 1};
        };
    return new memory.desc(weightDims(), memory.data_type.f32, strides);
  }

  @Override
  public long[] biasDims() {
    return new long[] {(long) channels * multiplier};
  }
}
