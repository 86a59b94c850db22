package dev.musket.engine.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_MEAN;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCALE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SHIFT;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_1;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_VARIANCE;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.batch_normalization_forward;
import org.bytedeco.dnnl.binary;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.global.dnnl.normalization_flags;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Ways to apply batch normalisation with fixed (moving) statistics to an NCHW array, for {@code
 * BatchNormInferenceProbe}: oneDNN's inference batch norm on the plain layout, and oneDNN's binary
 * primitive with per-channel operands and post-ops (one pass), each with the per-channel vectors
 * computed in Java from gamma, beta, the moving mean and the moving log10 stdev.
 */
public final class BatchNormInferenceCandidates {

  /** One candidate for one input geometry. */
  public interface Kernel {
    String name();

    /** {@code out = gamma * (x - mean) / sqrt(10^(2 log10std) + eps) + beta}, per channel. */
    void apply(
        INDArray x, float[] gamma, float[] beta, float[] mean, float[] log10Std, INDArray out);
  }

  private BatchNormInferenceCandidates() {}

  /** Every candidate for an NCHW input of this shape. */
  public static List<Kernel> all(int batch, int channels, int height, int width, float eps) {
    NormGeometry g = new NormGeometry(batch, channels, height, width, false);
    List<Kernel> kernels = new ArrayList<>();
    kernels.add(new NormPrimitive(g, eps));
    kernels.add(new Binary(g, eps, true, false));
    kernels.add(new Binary(g, eps, false, false));
    kernels.add(new Binary(g, eps, false, true));
    kernels.add(new Expanded(g, eps));
    return kernels;
  }

  /** oneDNN's batch_normalization_forward (forward_inference, use_global_stats), plain NCHW. */
  private static final class NormPrimitive implements Kernel {
    private final primitive forward;
    private final IntMemoryMap args = new IntMemoryMap();
    private final memory src;
    private final memory dst;
    private final FloatPointer scale;
    private final FloatPointer shift;
    private final FloatPointer mean;
    private final FloatPointer variance;
    private final float[] var;
    private final String impl;

    NormPrimitive(NormGeometry g, float eps) {
      memory.desc data = OneDnn.plain(g.dataDims(), g.dataTag());
      memory.desc channel = OneDnn.plain(new long[] {g.channels()}, memory.format_tag.x);
      int flags =
          normalization_flags.use_global_stats.value
              | normalization_flags.use_scale.value
              | normalization_flags.use_shift.value;
      var pd =
          new batch_normalization_forward.primitive_desc(
              new batch_normalization_forward.desc(
                  prop_kind.forward_inference.value, data, eps, flags),
              OneDnn.engine());
      impl = pd.impl_info_str().getString();
      forward = new batch_normalization_forward(pd);
      src = OneDnn.userMemory(data);
      dst = OneDnn.userMemory(data);
      scale = new FloatPointer(g.channels());
      shift = new FloatPointer(g.channels());
      mean = new FloatPointer(g.channels());
      variance = new FloatPointer(g.channels());
      var = new float[g.channels()];
      args.put(DNNL_ARG_SRC, src);
      args.put(DNNL_ARG_DST, dst);
      args.put(DNNL_ARG_SCALE, bound(channel, scale));
      args.put(DNNL_ARG_SHIFT, bound(channel, shift));
      args.put(DNNL_ARG_MEAN, bound(channel, mean));
      args.put(DNNL_ARG_VARIANCE, bound(channel, variance));
    }

    @Override
    public String name() {
      return "onednn bnorm " + impl;
    }

    @Override
    public void apply(
        INDArray x, float[] gamma, float[] beta, float[] m, float[] log10Std, INDArray out) {
      for (int c = 0; c < var.length; c++) {
        float s = (float) Math.pow(10.0, log10Std[c]);
        var[c] = s * s;
      }
      scale.put(gamma);
      shift.put(beta);
      mean.put(m);
      variance.put(var);
      OneDnn.bind(src, x);
      OneDnn.bind(dst, out);
      forward.execute(OneDnn.stream(), args);
    }
  }

  /**
   * oneDNN's binary primitive on plain NCHW with [1, C, 1, 1] operands: either {@code (x - mean) *
   * s + beta} (sub, then post-ops mul and add) or {@code x * s + t} (mul, then post-op add), with
   * {@code s = gamma / sqrt(var + eps)} and {@code t = beta - mean * s}; optionally a ReLU post-op.
   */
  private static final class Binary implements Kernel {
    private final primitive forward;
    private final IntMemoryMap args = new IntMemoryMap();
    private final memory src;
    private final memory dst;
    private final FloatPointer first;
    private final FloatPointer scale;
    private final FloatPointer shift;
    private final float[] firstValues;
    private final float[] scaleValues;
    private final float[] shiftValues;
    private final boolean subtractMean;
    private final float eps;
    private final String label;

    Binary(NormGeometry g, float eps, boolean subtractMean, boolean relu) {
      this.eps = eps;
      this.subtractMean = subtractMean;
      int channels = g.channels();
      memory.desc data = OneDnn.plain(g.dataDims(), g.dataTag());
      memory.desc perChannel = OneDnn.plain(new long[] {1, channels, 1, 1}, memory.format_tag.nchw);
      post_ops ops = new post_ops();
      if (subtractMean) {
        ops.append_binary(algorithm.binary_mul, perChannel);
      }
      ops.append_binary(algorithm.binary_add, perChannel);
      if (relu) {
        ops.append_eltwise(1f, algorithm.eltwise_relu, 0f, 0f);
      }
      primitive_attr attr = new primitive_attr();
      attr.set_post_ops(ops);
      var pd =
          new binary.primitive_desc(
              new binary.desc(
                  subtractMean ? algorithm.binary_sub : algorithm.binary_mul,
                  data,
                  perChannel,
                  data),
              attr,
              OneDnn.engine());
      label =
          (subtractMean ? "binary (x-m)*s+b " : "binary x*s+t ")
              + (relu ? "+relu " : "")
              + pd.impl_info_str().getString();
      forward = new binary(pd);
      src = OneDnn.userMemory(data);
      dst = OneDnn.userMemory(data);
      first = new FloatPointer(channels);
      scale = new FloatPointer(channels);
      shift = new FloatPointer(channels);
      firstValues = new float[channels];
      scaleValues = new float[channels];
      shiftValues = new float[channels];
      args.put(DNNL_ARG_SRC, src);
      args.put(DNNL_ARG_DST, dst);
      args.put(DNNL_ARG_SRC_1, bound(perChannel, subtractMean ? first : scale));
      int postOp = 0;
      if (subtractMean) {
        args.put(postOpArg(postOp++), bound(perChannel, scale));
      }
      args.put(postOpArg(postOp), bound(perChannel, shift));
    }

    private static int postOpArg(int index) {
      return DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE * (index + 1) | DNNL_ARG_SRC_1;
    }

    @Override
    public String name() {
      return label;
    }

    @Override
    public void apply(
        INDArray x, float[] gamma, float[] beta, float[] mean, float[] log10Std, INDArray out) {
      for (int c = 0; c < gamma.length; c++) {
        float std = (float) Math.pow(10.0, log10Std[c]);
        float s = gamma[c] * (1f / (float) Math.sqrt(std * std + eps));
        scaleValues[c] = s;
        if (subtractMean) {
          firstValues[c] = mean[c];
          shiftValues[c] = beta[c];
        } else {
          shiftValues[c] = beta[c] - mean[c] * s;
        }
      }
      if (subtractMean) {
        first.put(firstValues);
      }
      scale.put(scaleValues);
      shift.put(shiftValues);
      OneDnn.bind(src, x);
      OneDnn.bind(dst, out);
      forward.execute(OneDnn.stream(), args);
    }
  }

  /**
   * oneDNN's binary primitive on the data seen as a matrix [N, C*H*W] with [1, C*H*W] operands
   * (each channel's scale and shift repeated H*W times, in Java, on every call): a broadcast along
   * the batch only, for shapes whose spatial size is too small for the per-channel kernel.
   */
  private static final class Expanded implements Kernel {
    private final primitive forward;
    private final IntMemoryMap args = new IntMemoryMap();
    private final memory src;
    private final memory dst;
    private final FloatPointer scale;
    private final FloatPointer shift;
    private final float[] scaleValues;
    private final float[] shiftValues;
    private final int spatial;
    private final float eps;
    private final String label;

    Expanded(NormGeometry g, float eps) {
      this.eps = eps;
      spatial = g.height() * g.width();
      int row = g.channels() * spatial;
      memory.desc data = OneDnn.plain(new long[] {g.batch(), row}, memory.format_tag.nc);
      memory.desc operand = OneDnn.plain(new long[] {1, row}, memory.format_tag.nc);
      post_ops ops = new post_ops();
      ops.append_binary(algorithm.binary_add, operand);
      primitive_attr attr = new primitive_attr();
      attr.set_post_ops(ops);
      var pd =
          new binary.primitive_desc(
              new binary.desc(algorithm.binary_mul, data, operand, data), attr, OneDnn.engine());
      label = "binary 2-D expanded " + pd.impl_info_str().getString();
      forward = new binary(pd);
      src = OneDnn.userMemory(data);
      dst = OneDnn.userMemory(data);
      scale = new FloatPointer(row);
      shift = new FloatPointer(row);
      scaleValues = new float[row];
      shiftValues = new float[row];
      args.put(DNNL_ARG_SRC, src);
      args.put(DNNL_ARG_DST, dst);
      args.put(DNNL_ARG_SRC_1, bound(operand, scale));
      args.put(DNNL_ARG_ATTR_MULTIPLE_POST_OP_BASE | DNNL_ARG_SRC_1, bound(operand, shift));
    }

    @Override
    public String name() {
      return label;
    }

    @Override
    public void apply(
        INDArray x, float[] gamma, float[] beta, float[] mean, float[] log10Std, INDArray out) {
      for (int c = 0; c < gamma.length; c++) {
        float std = (float) Math.pow(10.0, log10Std[c]);
        float s = gamma[c] * (1f / (float) Math.sqrt(std * std + eps));
        float t = beta[c] - mean[c] * s;
        java.util.Arrays.fill(scaleValues, c * spatial, (c + 1) * spatial, s);
        java.util.Arrays.fill(shiftValues, c * spatial, (c + 1) * spatial, t);
      }
      scale.put(scaleValues);
      shift.put(shiftValues);
      OneDnn.bind(src, x);
      OneDnn.bind(dst, out);
      forward.execute(OneDnn.stream(), args);
    }
  }

  /** Copies a dense float32 vector (a parameter view) into {@code into}. */
  public static void read(INDArray vector, float[] into) {
    new FloatPointer(OneDnn.address(vector)).get(into);
  }

  private static memory bound(memory.desc desc, FloatPointer data) {
    return new memory(desc, OneDnn.engine(), data);
  }
}
