package dev.musket.engine.onednn;

import dev.musket.engine.runtime.ComputeBackend;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link SubsamplingLayer} configuration (2-D max and average pooling) whose layer runs
 * forward and backward on {@link OneDnnSubsamplingHelper} (oneDNN called directly, primitives
 * cached, max pooling's workspace kept for the backward) instead of libnd4j's pooling ops. Same
 * configuration, same JSON apart from the class name, same results to float tolerance ({@code
 * OneDnnSubsamplingLayerTest}). Build it from an ordinary builder: {@code new
 * OneDnnSubsamplingLayer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(3, 3)...)}, or
 * through {@code FastDefaults.subsampling}. PNORM and SUM pooling, dilation and NHWC keep DL4J's
 * path.
 */
public class OneDnnSubsamplingLayer extends SubsamplingLayer {

  /** For JSON deserialisation. */
  protected OneDnnSubsamplingLayer() {}

  public OneDnnSubsamplingLayer(SubsamplingLayer.Builder builder) {
    super(builder);
    // what SubsamplingLayer.Builder.build() checks
    if (getPoolingType() == org.deeplearning4j.nn.conf.layers.PoolingType.PNORM
        && getPnorm() <= 0) {
      throw new IllegalStateException(
          "Incorrect Subsampling config: p-norm must be set when using PoolingType.PNORM");
    }
    ConvolutionUtils.validateConvolutionModePadding(getConvolutionMode(), getPadding());
    ConvolutionUtils.validateCnnKernelStridePadding(getKernelSize(), getStride(), getPadding());
    // A failing helper must fail loudly, as with the engine's convolution; calls the helper does
    // not cover return null and still take DL4J's path, without an exception.
    setCudnnAllowFallback(false);
  }

  @Override
  public Layer instantiate(
      NeuralNetConfiguration conf,
      Collection<TrainingListener> trainingListeners,
      int layerIndex,
      INDArray layerParamsView,
      boolean initializeParams,
      DataType networkDataType) {
    return LayerInstances.wired(
        new Impl(conf, networkDataType),
        conf,
        trainingListeners,
        layerIndex,
        layerParamsView,
        initializer().init(conf, layerParamsView, initializeParams));
  }

  /**
   * DL4J's subsampling layer with {@link OneDnnSubsamplingHelper} as its helper on the CPU. DL4J's
   * layer calls its helper only in backprop; this one calls it in the forward pass too. On CUDA (a
   * {@code -Pcuda} build, or a network saved on the CPU and loaded there) DL4J's own path stays:
   * oneDNN's CPU engine cannot read device memory.
   */
  static final class Impl
      extends org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer {

    Impl(NeuralNetConfiguration conf, DataType dataType) {
      super(conf, dataType);
      if (!ComputeBackend.isCuda()) {
        helper = new OneDnnSubsamplingHelper(layerConf().isAvgPoolIncludePadInDivisor());
      }
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(false);
      if (helper instanceof OneDnnSubsamplingHelper oneDnn) {
        var conf = layerConf();
        INDArray out =
            oneDnn.activate(
                input.castTo(dataType),
                training,
                conf.getKernelSize(),
                conf.getStride(),
                conf.getPadding(),
                conf.getPoolingType(),
                convolutionMode,
                conf.getDilation(),
                conf.getCnn2dDataFormat(),
                workspaceMgr);
        if (out != null) {
          return out;
        }
      }
      return super.activate(training, workspaceMgr);
    }
  }
}
