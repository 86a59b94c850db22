package dev.musket.engine.onednn;

import dev.musket.engine.runtime.ComputeBackend;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link ConvolutionLayer} configuration whose layer runs on {@link OneDnnConvolutionHelper}
 * (oneDNN called directly, primitives cached) instead of DL4J's MKLDNNConvHelper. Same parameters,
 * same JSON apart from the class name, same results to float tolerance ({@code
 * OneDnnConvolutionLayerTest}). Build it from an ordinary builder: {@code new
 * OneDnnConvolutionLayer(new ConvolutionLayer.Builder(3, 3).nOut(64)...)}.
 */
public class OneDnnConvolutionLayer extends ConvolutionLayer {

  /** For JSON deserialisation. */
  protected OneDnnConvolutionLayer() {}

  public OneDnnConvolutionLayer(ConvolutionLayer.Builder builder) {
    super(builder);
    // A failing helper must fail loudly: DL4J's silent fallback to its built-in path is 7x slower,
    // and was seen to compute a different result after a failed call. Calls the helper does not
    // cover return null and still use the built-in path, without an exception.
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
   * DL4J's convolution layer with its helper replaced on the CPU. On CUDA (a {@code -Pcuda} build,
   * or a network saved on the CPU and loaded there) DL4J's own path stays: oneDNN's CPU engine
   * cannot read device memory; DL4J's im2col + gemm runs on ND4J's CUDA ops and cuBLAS instead.
   */
  static final class Impl extends org.deeplearning4j.nn.layers.convolution.ConvolutionLayer {

    /** The epsilon of the backward pass under way, while {@link #skipsPreOutputCopy()} holds. */
    private INDArray backpropEpsilon;

    Impl(NeuralNetConfiguration conf, DataType dataType) {
      super(conf, dataType);
      if (!ComputeBackend.isCuda()) {
        helper = new OneDnnConvolutionHelper(OneDnnLayout.BLOCKED);
      }
    }

    /**
     * With an identity activation (every convolution the builders make: batch norm and the
     * activation are layers of their own) backprop never reads the pre-activation output, but
     * DL4J's layer copies it in every training forward pass when the network caches ({@code
     * CacheMode.HOST}), or runs the forward convolution again in backprop when it does not. Both
     * are skipped here: the copy cost 4% of a small-CNN training iteration (bench/profile).
     */
    private boolean skipsPreOutputCopy() {
      return helper != null && PreOutputCache.needsNoPreOutput(layerConf().getActivationFn());
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
      if (!skipsPreOutputCopy()) {
        return super.activate(training, workspaceMgr);
      }
      CacheMode caching = cacheMode;
      cacheMode = CacheMode.NONE;
      try {
        return super.activate(training, workspaceMgr);
      } finally {
        cacheMode = caching;
      }
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(
        INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
      backpropEpsilon = epsilon;
      try {
        return super.backpropGradient(epsilon, workspaceMgr);
      } finally {
        backpropEpsilon = null;
      }
    }

    /**
     * In backprop the identity's derivative only checks that the pre-activation has epsilon's
     * shape, so epsilon itself stands in for it (same layout, NCHW or NHWC).
     */
    @Override
    protected Pair<INDArray, INDArray> preOutput4d(
        boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
      if (forBackprop && backpropEpsilon != null && skipsPreOutputCopy()) {
        return new Pair<>(backpropEpsilon, null);
      }
      return super.preOutput4d(training, forBackprop, workspaceMgr);
    }
  }
}
