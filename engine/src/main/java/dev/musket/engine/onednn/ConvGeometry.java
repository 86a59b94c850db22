package dev.musket.engine.onednn;

import org.bytedeco.dnnl.memory;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The shape of one plain 2-D convolution in NCHW / OIHW without dilation: what a cached oneDNN
 * primitive is specialised for. Kernels and strides may differ between height and width
 * (InceptionV3's 1x7 and 7x1), and so may the padding of opposite sides: DL4J's {@code Same} mode
 * puts the odd row and column at the bottom and right, as TensorFlow does, and {@code Truncate}
 * drops the rows and columns that fill no window (a negative bottom/right padding, which oneDNN
 * accepts).
 */
public record ConvGeometry(
    int batch,
    int inChannels,
    int outChannels,
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

  public ConvGeometry {
    if (padTop < 0 || padLeft < 0 || outHeight < 1 || outWidth < 1) {
      throw new IllegalArgumentException("impossible convolution: " + this);
    }
  }

  /** A square kernel with the same stride and padding on every side (Truncate mode). */
  public ConvGeometry(
      int batch,
      int inChannels,
      int outChannels,
      int kernel,
      int stride,
      int pad,
      int inHeight,
      int inWidth) {
    this(
        batch,
        inChannels,
        outChannels,
        kernel,
        kernel,
        stride,
        stride,
        pad,
        pad,
        (inHeight + 2 * pad - kernel) / stride + 1,
        (inWidth + 2 * pad - kernel) / stride + 1,
        inHeight,
        inWidth);
  }

  /**
   * The geometry of a call as DL4J's convolution layer computes it: the output size from {@link
   * ConvolutionUtils#getOutputSize} and, in {@code Same} mode, the top/left padding from {@link
   * ConvolutionUtils#getSameModeTopLeftPadding} (otherwise the configured {@code padding}), so odd
   * sizes, {@code Same} and {@code Truncate} come out exactly as in DL4J.
   */
  static ConvGeometry of(
      INDArray input,
      INDArray weights,
      int[] kernel,
      int[] strides,
      int[] padding,
      ConvolutionMode mode) {
    Window w = Window.of(input, kernel, strides, padding, mode);
    return new ConvGeometry(
        (int) input.size(0),
        (int) input.size(1),
        (int) weights.size(0),
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
  }

  /**
   * Output size and top/left padding of a sliding window over an NCHW input, as DL4J's layers
   * compute them: {@link ConvolutionUtils#getOutputSize} and, in {@code Same} mode, {@link
   * ConvolutionUtils#getSameModeTopLeftPadding} (otherwise the configured {@code padding}), so odd
   * sizes, {@code Same} and {@code Truncate} come out exactly as in DL4J. Shared by {@link
   * ConvGeometry} and {@link DepthwiseGeometry}.
   */
  record Window(int outHeight, int outWidth, int padTop, int padLeft) {
    static Window of(
        INDArray input, int[] kernel, int[] strides, int[] padding, ConvolutionMode mode) {
      int[] dilation = {1, 1};
      boolean same = mode == ConvolutionMode.Same;
      int[] outSize =
          ConvolutionUtils.getOutputSize(
              input, kernel, strides, same ? null : padding, mode, dilation, CNN2DFormat.NCHW);
      int[] inSize = {(int) input.size(2), (int) input.size(3)};
      int[] pad =
          same
              ? ConvolutionUtils.getSameModeTopLeftPadding(
                  outSize, inSize, kernel, strides, dilation)
              : padding;
      return new Window(outSize[0], outSize[1], pad[0], pad[1]);
    }
  }

  /** The kernel's height; for the square kernels of the benchmarks' probes. */
  public int kernel() {
    return kernelH;
  }

  /** The vertical stride; for the probes' square convolutions. */
  public int stride() {
    return strideH;
  }

  /** The top padding; for the probes' symmetric convolutions. */
  public int pad() {
    return padTop;
  }

  @Override
  public long[] srcDims() {
    return new long[] {batch, inChannels, inHeight, inWidth};
  }

  @Override
  public long[] weightDims() {
    return new long[] {outChannels, inChannels, kernelH, kernelW};
  }

  @Override
  public long[] dstDims() {
    return new long[] {batch, outChannels, outHeight, outWidth};
  }

  @Override
  public memory.desc userWeights() {
    return OneDnn.plain(weightDims(), memory.format_tag.oihw);
  }

  @Override
  public long[] biasDims() {
    return new long[] {outChannels};
  }

  /** Multiply-adds of the forward pass times two. */
  public double forwardFlops() {
    return 2.0
        * batch
        * outChannels
        * outHeight
        * outWidth
        * inChannels
        * kernelH
        * (double) kernelW;
  }
}
