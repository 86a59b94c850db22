package dev.musket.engine.onednn;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J batch-normalisation helper that runs on oneDNN directly, with cached primitives per input
 * geometry, instead of DL4J's MKLDNNBatchNormHelper, which goes through libnd4j's {@code batchnorm}
 * / {@code batchnorm_bp} ops, whose oneDNN glue builds the primitives again on every call.
 *
 * <ul>
 *   <li>Training forward and backward: {@link OneDnnBatchNorm}, which also computes the batch mean
 *       and variance that DL4J's helper computes with two more ND4J passes; 3-4x less time per
 *       training iteration at ResNet-18's shapes
 *       (docs/decisions/0017-onednn-batch-normalization.md).
 *   <li>Inference (moving statistics): {@link OneDnnBatchNormInference}, one pass of {@code x * s +
 *       t} per channel, 4-8x less time than libnd4j's op
 *       (docs/decisions/0021-batch-norm-inference.md). The engine's layer ({@link
 *       OneDnnBatchNormalization}) calls {@link #inference} directly with the stored log10 stdev;
 *       DL4J's own path, which converts it to a variance with ND4J ops first, reaches it through
 *       {@link #preOutput}.
 * </ul>
 *
 * <p>It plugs into DL4J's own {@code BatchNormalization} layer, so parameters, the moving mean and
 * variance (log10 of the standard deviation or the variance, decay), serialisation and the updater
 * stay DL4J's: the layer reads this helper's batch statistics ({@link #getMeanCache}, {@link
 * #getVarCache}) to update the moving ones, exactly as it does with DL4J's helper. Calls it does
 * not cover (other data types than float32) return {@code null}, which makes DL4J use its built-in
 * implementation for that call.
 */
public final class OneDnnBatchNormHelper implements BatchNormalizationHelper {

  private final Map<NormGeometry, OneDnnBatchNorm> primitives = new HashMap<>();
  private final Map<NormGeometry, OneDnnBatchNormInference> inferencePrimitives = new HashMap<>();
  private final float epsilon;
  private INDArray batchMean;
  private INDArray batchVariance;

  /**
   * @param epsilon the layer's epsilon; part of the primitives, so fixed for the helper's lifetime
   */
  public OneDnnBatchNormHelper(double epsilon) {
    this.epsilon = (float) epsilon;
  }

  @Override
  public boolean checkSupported() {
    return true;
  }

  /** Fixed (locked) gamma and beta are left to DL4J's own implementation, like DL4J's helper. */
  @Override
  public boolean checkSupported(double eps, boolean fixedGammaBeta) {
    return !fixedGammaBeta && (float) eps == epsilon;
  }

  @Override
  public INDArray preOutput(
      INDArray x,
      boolean training,
      long[] shape,
      INDArray gamma,
      INDArray beta,
      INDArray mean,
      INDArray var,
      double decay,
      double eps,
      CNN2DFormat format,
      LayerWorkspaceMgr workspaceMgr) {
    if (!training) {
      return inference(x, gamma, beta, mean, var, false, format, workspaceMgr);
    }
    NormGeometry geometry = geometry(x, format);
    if (geometry == null || gamma == null || beta == null) {
      return null;
    }
    INDArray out =
        workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, x.shape(), 'c');
    ensureStatistics(geometry.channels());
    primitives(geometry)
        .forwardTraining(OneDnn.dense(x), gamma, beta, out, batchMean, batchVariance);
    return out;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray input,
      INDArray epsilon,
      long[] shape,
      INDArray gamma,
      INDArray beta,
      INDArray dGammaView,
      INDArray dBetaView,
      double eps,
      CNN2DFormat format,
      LayerWorkspaceMgr workspaceMgr) {
    NormGeometry geometry = geometry(input, format);
    if (geometry == null || gamma == null || dGammaView == null || batchMean == null) {
      return null;
    }
    INDArray inputGrad =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), 'c');
    primitives(geometry)
        .backward(
            OneDnn.dense(input),
            batchMean,
            batchVariance,
            gamma,
            OneDnn.dense(epsilon),
            inputGrad,
            dGammaView,
            dBetaView);
    Gradient gradient = new DefaultGradient();
    gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, dGammaView);
    gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, dBetaView);
    return new Pair<>(gradient, inputGrad);
  }

  /**
   * Batch normalisation with the moving statistics: {@code gamma * (x - mean) / sqrt(var + eps) +
   * beta} per channel, into a new activations array; {@code null} if this helper does not cover the
   * call (not float32, not rank 2 or 4, no gamma/beta).
   *
   * @param x [N, C], [N, C, H, W] or [N, H, W, C] as {@code format} says
   * @param spread the moving variance, or log10 of the moving standard deviation when {@code
   *     log10Std}
   */
  public INDArray inference(
      INDArray x,
      INDArray gamma,
      INDArray beta,
      INDArray mean,
      INDArray spread,
      boolean log10Std,
      CNN2DFormat format,
      LayerWorkspaceMgr workspaceMgr) {
    NormGeometry geometry = geometry(x, format);
    if (geometry == null || gamma == null || beta == null) {
      return null;
    }
    INDArray out =
        workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT, x.shape(), 'c');
    inferencePrimitives
        .computeIfAbsent(geometry, OneDnnBatchNormInference::new)
        .apply(OneDnn.dense(x), gamma, beta, mean, spread, log10Std, epsilon, out);
    return out;
  }

  /** The input geometries whose inference primitives exist (what ran, for tests). */
  Set<NormGeometry> inferenceGeometries() {
    return Collections.unmodifiableSet(inferencePrimitives.keySet());
  }

  /** The last training batch's mean per channel (the layer updates its moving mean from it). */
  @Override
  public INDArray getMeanCache(DataType dataType) {
    return batchMean;
  }

  /** The last training batch's biased variance per channel. */
  @Override
  public INDArray getVarCache(DataType dataType) {
    return batchVariance;
  }

  @Override
  public Map<String, Long> helperMemoryUse() {
    return Collections.emptyMap();
  }

  private OneDnnBatchNorm primitives(NormGeometry geometry) {
    return primitives.computeIfAbsent(geometry, g -> new OneDnnBatchNorm(g, epsilon));
  }

  /** The batch statistics live outside every workspace: they must outlive the forward pass. */
  private void ensureStatistics(int channels) {
    if (batchMean == null || batchMean.length() != channels) {
      try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
        batchMean = Nd4j.createUninitialized(DataType.FLOAT, channels);
        batchVariance = Nd4j.createUninitialized(DataType.FLOAT, channels);
      }
    }
  }

  /**
   * The geometry of this call, or {@code null} if this helper does not cover it. A rank-2 input
   * (after a dense layer) is [N, C, 1, 1]; DL4J reshapes it so before a training call.
   */
  private static NormGeometry geometry(INDArray x, CNN2DFormat format) {
    if (x.dataType() != DataType.FLOAT || (x.rank() != 4 && x.rank() != 2)) {
      return null;
    }
    if (x.rank() == 2) {
      return new NormGeometry((int) x.size(0), (int) x.size(1), 1, 1, false);
    }
    boolean channelsLast = format == CNN2DFormat.NHWC;
    int channelAxis = channelsLast ? 3 : 1;
    int heightAxis = channelsLast ? 1 : 2;
    return new NormGeometry(
        (int) x.size(0),
        (int) x.size(channelAxis),
        (int) x.size(heightAxis),
        (int) x.size(heightAxis + 1),
        channelsLast);
  }
}
