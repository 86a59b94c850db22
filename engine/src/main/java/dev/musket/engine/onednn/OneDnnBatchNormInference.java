package dev.musket.engine.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_1;

import java.util.Arrays;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.binary;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One input geometry's batch normalisation with fixed statistics (inference): {@code out = x * s +
 * t} per channel, in one pass of oneDNN's binary primitive (a multiply by {@code s} with the add of
 * {@code t} as a post-op), created once; {@code s = gamma / sqrt(var + eps)} and {@code t = beta -
 * mean * s} are computed in Java from the layer's parameters on every call (a few channel-sized
 * loops). On plain NCHW data this is 4-8x faster than libnd4j's {@code batchnorm} op, which builds
 * oneDNN's batch-norm primitive on every call and whose plain-layout kernel is a C++ loop, and
 * 1.5-2x faster than that kernel called directly (docs/decisions/0021-batch-norm-inference.md).
 *
 * <p>The data is given to the primitive in the view whose broadcast its JIT kernel handles best:
 * NCHW as [N, C, H, W] with [1, C, 1, 1] operands; NCHW with at most {@link #MAX_EXPANDED_SPATIAL}
 * pixels per channel (DenseNet's and MobileNetV2's last stages, dense layers) as a matrix [N,
 * C*H*W] with each channel's value repeated H*W times in [1, C*H*W] operands, since the per-channel
 * kernel is slow on rows of a few pixels; NHWC as [N*H*W, C] with [1, C] operands.
 *
 * <p>Against DL4J's {@code (x - mean) * s + beta}, folding the mean into {@code t} changes only the
 * rounding: the difference is a few float ulps of {@code |x * s|} (about 1e-7 of the output's range
 * at the bench networks' shapes; {@code OneDnnBatchNormalizationTest} bounds it at 1e-5).
 */
final class OneDnnBatchNormInference {

  /** Spatial sizes up to this (4x4) use the matrix view with expanded operands. */
  static final int MAX_EXPANDED_SPATIAL = 16;

  private final primitive forward;
  private final IntMemoryMap args = new IntMemoryMap();
  private final memory src;
  private final memory dst;
  private final FloatPointer scaleOperand;
  private final FloatPointer shiftOperand;
  private final float[] gamma;
  private final float[] beta;
  private final float[] mean;
  private final float[] spread;
  private final float[] scale;
  private final float[] shift;
  private final int repeat;

  OneDnnBatchNormInference(NormGeometry geometry) {
    int channels = geometry.channels();
    int spatial = geometry.height() * geometry.width();
    memory.desc data;
    memory.desc operand;
    if (geometry.channelsLast()) {
      repeat = 1;
      data = matrix((long) geometry.batch() * spatial, channels);
      operand = matrix(1, channels);
    } else if (spatial <= MAX_EXPANDED_SPATIAL) {
      repeat = spatial;
      data = matrix(geometry.batch(), (long) channels * spatial);
      operand = matrix(1, (long) channels * spatial);
    } else {
      repeat = 1;
      data = OneDnn.plain(geometry.dataDims(), memory.format_tag.nchw);
      operand = OneDnn.plain(new long[] {1, channels, 1, 1}, memory.format_tag.nchw);
    }
    post_ops ops = new post_ops();
    ops.append_binary(algorithm.binary_add, operand);
    primitive_attr attr = new primitive_attr();
    attr.set_post_ops(ops);
    forward =
        new binary(
            new binary.primitive_desc(
                new binary.desc(algorithm.binary_mul, data, operand, data), attr, OneDnn.engine()));
    src = OneDnn.userMemory(data);
    dst = OneDnn.userMemory(data);
    scaleOperand = new FloatPointer((long) channels * repeat);
    shiftOperand = new FloatPointer((long) channels * repeat);
    args.put(DNNL_ARG_SRC, src);
    args.put(DNNL_ARG_DST, dst);
    args.put(DNNL_ARG_SRC_1, new memory(operand, OneDnn.engine(), scaleOperand));
    // the first post-op's second operand
    args.put(
        DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE | DNNL_ARG_SRC_1,
        new memory(operand, OneDnn.engine(), shiftOperand));
    gamma = new float[channels];
    beta = new float[channels];
    mean = new float[channels];
    spread = new float[channels];
    scale = new float[channels * repeat];
    shift = new float[channels * repeat];
  }

  /**
   * Normalises {@code x} into {@code out} (same shape, both dense float32 in C order).
   *
   * @param gammaParam the learned scale, one per channel
   * @param betaParam the learned shift
   * @param meanParam the moving mean
   * @param spreadParam the moving variance, or log10 of the moving standard deviation when {@code
   *     log10Std} (DL4J's {@code useLogStd}, its default)
   */
  void apply(
      INDArray x,
      INDArray gammaParam,
      INDArray betaParam,
      INDArray meanParam,
      INDArray spreadParam,
      boolean log10Std,
      float epsilon,
      INDArray out) {
    OneDnn.copy(gammaParam, gamma);
    OneDnn.copy(betaParam, beta);
    OneDnn.copy(meanParam, mean);
    OneDnn.copy(spreadParam, spread);
    for (int c = 0; c < gamma.length; c++) {
      float variance;
      if (log10Std) {
        // as DL4J: std = 10^log10(std) in float, then squared
        float std = (float) Math.pow(10.0, spread[c]);
        variance = std * std;
      } else {
        variance = spread[c];
      }
      float s = gamma[c] * (1f / (float) Math.sqrt(variance + epsilon));
      float t = beta[c] - mean[c] * s;
      if (repeat == 1) {
        scale[c] = s;
        shift[c] = t;
      } else {
        Arrays.fill(scale, c * repeat, (c + 1) * repeat, s);
        Arrays.fill(shift, c * repeat, (c + 1) * repeat, t);
      }
    }
    scaleOperand.put(scale);
    shiftOperand.put(shift);
    OneDnn.bind(src, x);
    OneDnn.bind(dst, out);
    forward.execute(OneDnn.stream(), args);
  }

  private static memory.desc matrix(long rows, long columns) {
    return OneDnn.plain(new long[] {rows, columns}, memory.format_tag.nc);
  }
}
