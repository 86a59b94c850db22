package dev.musket.engine.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SCALE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SHIFT;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_MEAN;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SCALE;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SHIFT;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_VARIANCE;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.batch_normalization_backward;
import org.bytedeco.dnnl.batch_normalization_forward;
import org.bytedeco.dnnl.global.dnnl.normalization_flags;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One input geometry's training batch-normalisation primitives (forward with batch statistics,
 * backward), created once and reused for every call; libnd4j's {@code batchnorm_bp} op builds them
 * again on every call, and DL4J's helper adds two passes over the input to compute the batch mean
 * and variance that oneDNN's training forward computes itself. Inference is not here: see {@link
 * OneDnnBatchNormHelper}. Learned scale (gamma) and shift (beta) are separate per-channel vectors,
 * as DL4J keeps them; the batch statistics are the biased mean and variance, as DL4J computes them.
 */
final class OneDnnBatchNorm {

  private final primitive forwardTraining;
  private final IntMemoryMap trainArgs = new IntMemoryMap();
  private final primitive backward;
  private final IntMemoryMap backwardArgs = new IntMemoryMap();

  private final memory data;
  private final memory dst;
  private final memory scale;
  private final memory shift;
  private final memory mean;
  private final memory variance;
  private final memory diffDst;
  private final memory diffSrc;
  private final memory diffScale;
  private final memory diffShift;

  OneDnnBatchNorm(NormGeometry geometry, float epsilon) {
    memory.desc dataDesc = OneDnn.plain(geometry.dataDims(), geometry.dataTag());
    memory.desc channelDesc = OneDnn.plain(new long[] {geometry.channels()}, memory.format_tag.x);
    int scaleShift = normalization_flags.use_scale.value | normalization_flags.use_shift.value;

    var trainPd =
        new batch_normalization_forward.primitive_desc(
            new batch_normalization_forward.desc(
                prop_kind.forward_training.value, dataDesc, epsilon, scaleShift),
            OneDnn.engine());
    var backwardPd =
        new batch_normalization_backward.primitive_desc(
            new batch_normalization_backward.desc(
                prop_kind.backward.value, dataDesc, dataDesc, epsilon, scaleShift),
            OneDnn.engine(),
            trainPd);
    forwardTraining = new batch_normalization_forward(trainPd);
    backward = new batch_normalization_backward(backwardPd);

    data = OneDnn.userMemory(dataDesc);
    dst = OneDnn.userMemory(dataDesc);
    diffDst = OneDnn.userMemory(dataDesc);
    diffSrc = OneDnn.userMemory(dataDesc);
    scale = OneDnn.userMemory(channelDesc);
    shift = OneDnn.userMemory(channelDesc);
    mean = OneDnn.userMemory(channelDesc);
    variance = OneDnn.userMemory(channelDesc);
    diffScale = OneDnn.userMemory(channelDesc);
    diffShift = OneDnn.userMemory(channelDesc);

    trainArgs.put(DNNL_ARG_SRC, data);
    trainArgs.put(DNNL_ARG_SCALE, scale);
    trainArgs.put(DNNL_ARG_SHIFT, shift);
    trainArgs.put(DNNL_ARG_MEAN, mean);
    trainArgs.put(DNNL_ARG_VARIANCE, variance);
    trainArgs.put(DNNL_ARG_DST, dst);
    backwardArgs.put(DNNL_ARG_SRC, data);
    backwardArgs.put(DNNL_ARG_MEAN, mean);
    backwardArgs.put(DNNL_ARG_VARIANCE, variance);
    backwardArgs.put(DNNL_ARG_DIFF_DST, diffDst);
    backwardArgs.put(DNNL_ARG_SCALE, scale);
    backwardArgs.put(DNNL_ARG_SHIFT, shift);
    backwardArgs.put(DNNL_ARG_DIFF_SRC, diffSrc);
    backwardArgs.put(DNNL_ARG_DIFF_SCALE, diffScale);
    backwardArgs.put(DNNL_ARG_DIFF_SHIFT, diffShift);
  }

  /**
   * Training forward: normalises {@code x} with its own batch statistics into {@code out}, and
   * writes the batch mean and (biased) variance per channel into {@code batchMean}/{@code
   * batchVariance}, which {@link #backward} needs.
   */
  void forwardTraining(
      INDArray x,
      INDArray gamma,
      INDArray beta,
      INDArray out,
      INDArray batchMean,
      INDArray batchVariance) {
    OneDnn.bind(data, x);
    OneDnn.bind(scale, gamma);
    OneDnn.bind(shift, beta);
    OneDnn.bind(dst, out);
    OneDnn.bind(mean, batchMean);
    OneDnn.bind(variance, batchVariance);
    forwardTraining.execute(OneDnn.stream(), trainArgs);
  }

  /**
   * {@code dL/dx}, {@code dL/dgamma} and {@code dL/dbeta} from {@code dL/dout}, for the batch
   * statistics the training forward wrote.
   */
  void backward(
      INDArray x,
      INDArray batchMean,
      INDArray batchVariance,
      INDArray gamma,
      INDArray diffOut,
      INDArray diffX,
      INDArray diffGamma,
      INDArray diffBeta) {
    OneDnn.bind(data, x);
    OneDnn.bind(mean, batchMean);
    OneDnn.bind(variance, batchVariance);
    OneDnn.bind(scale, gamma);
    OneDnn.bind(shift, gamma); // read by no backward implementation; bound to a valid buffer
    OneDnn.bind(diffDst, diffOut);
    OneDnn.bind(diffSrc, diffX);
    OneDnn.bind(diffScale, diffGamma);
    OneDnn.bind(diffShift, diffBeta);
    backward.execute(OneDnn.stream(), backwardArgs);
  }
}
