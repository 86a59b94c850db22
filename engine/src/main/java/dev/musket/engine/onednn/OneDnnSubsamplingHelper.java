package dev.musket.engine.onednn;

import java.util.Collections;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingHelper;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J subsampling helper that runs max and average pooling on oneDNN directly ({@link
 * PoolingRunner}: cached primitives, max pooling's workspace kept from the forward to the
 * backward), instead of DL4J's MKLDNNSubsamplingHelper, whose backward goes through libnd4j's
 * {@code maxpool2d_bp} op: it builds the primitives again and runs the forward again on every call,
 * mostly copying memory. {@link OneDnnSubsamplingLayer} calls it for the forward too (DL4J's layer
 * calls its helper only in backprop). Calls it does not cover (SUM, PNORM, NHWC, dilation, other
 * data types) get {@code null} and stay on DL4J's path.
 */
public final class OneDnnSubsamplingHelper implements SubsamplingHelper {

  private final PoolingRunner runner = new PoolingRunner(OneDnnLayout.POOLING_BLOCKED);
  private final boolean avgPoolIncludePadInDivisor;

  /**
   * @param avgPoolIncludePadInDivisor the layer's setting (DL4J's helper interface does not pass
   *     it): average pooling divides by the whole window ({@code true}) or by the cells inside the
   *     input
   */
  public OneDnnSubsamplingHelper(boolean avgPoolIncludePadInDivisor) {
    this.avgPoolIncludePadInDivisor = avgPoolIncludePadInDivisor;
  }

  @Override
  public boolean checkSupported() {
    return true;
  }

  @Override
  public INDArray activate(
      INDArray input,
      boolean training,
      int[] kernel,
      int[] strides,
      int[] pad,
      PoolingType poolingType,
      ConvolutionMode convolutionMode,
      int[] dilation,
      CNN2DFormat format,
      LayerWorkspaceMgr workspaceMgr) {
    PoolGeometry geometry =
        PoolGeometry.of(input, kernel, strides, pad, dilation, convolutionMode, format);
    PoolMode mode = PoolMode.of(poolingType, avgPoolIncludePadInDivisor);
    if (geometry == null || mode == null) {
      return null;
    }
    OneDnnPaths.taken(OneDnnPaths.POOLING);
    return runner.forward(geometry, mode, input, training, workspaceMgr);
  }

  /**
   * {@code pad} is the configured padding; in {@code Same} mode it is ignored and DL4J's own top /
   * left padding is used, so the padding DL4J's layer computes for its helper gives the same
   * result.
   */
  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray input,
      INDArray epsilon,
      int[] kernel,
      int[] strides,
      int[] pad,
      PoolingType poolingType,
      ConvolutionMode convolutionMode,
      int[] dilation,
      CNN2DFormat format,
      LayerWorkspaceMgr workspaceMgr) {
    PoolGeometry geometry =
        PoolGeometry.of(input, kernel, strides, pad, dilation, convolutionMode, format);
    PoolMode mode = PoolMode.of(poolingType, avgPoolIncludePadInDivisor);
    if (geometry == null || mode == null) {
      return null;
    }
    OneDnnPaths.taken(OneDnnPaths.POOLING);
    INDArray inputGrad = runner.backward(geometry, mode, input, epsilon, workspaceMgr);
    return new Pair<>(new DefaultGradient(), inputGrad);
  }

  /** See {@link PoolingRunner#forwardsRepeated()}. */
  long forwardsRepeated() {
    return runner.forwardsRepeated();
  }

  @Override
  public Map<String, Long> helperMemoryUse() {
    return Collections.emptyMap();
  }
}
