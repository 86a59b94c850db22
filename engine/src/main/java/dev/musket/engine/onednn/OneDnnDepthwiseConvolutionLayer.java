package dev.musket.engine.onednn;

import dev.musket.engine.runtime.ComputeBackend;
import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.DepthwiseConvolution2DLayer;
import org.deeplearning4j.nn.params.DepthwiseConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link DepthwiseConvolution2D} configuration whose layer runs forward and backward on
 * oneDNN directly ({@link OneDnnDepthwiseConvolutionHelper}: a grouped convolution with cached
 * primitives) instead of libnd4j's {@code depthwise_conv2d} ops. Same parameters ({@code W}: {@code
 * [kH, kW, channels, multiplier]}, {@code b}), same initialisation, same JSON apart from the class
 * name, same results to float tolerance ({@code OneDnnDepthwiseConvolutionLayerTest}). Build it
 * from an ordinary builder: {@code new OneDnnDepthwiseConvolutionLayer(new
 * DepthwiseConvolution2D.Builder(3, 3)...)}, or through {@code FastDefaults.depthwise}.
 */
public class OneDnnDepthwiseConvolutionLayer extends DepthwiseConvolution2D {

  /** For JSON deserialisation. */
  protected OneDnnDepthwiseConvolutionLayer() {}

  public OneDnnDepthwiseConvolutionLayer(DepthwiseConvolution2D.Builder builder) {
    super(builder);
    // what DepthwiseConvolution2D.Builder.build() checks
    ConvolutionUtils.validateConvolutionModePadding(getConvolutionMode(), getPadding());
    ConvolutionUtils.validateCnnKernelStridePadding(getKernelSize(), getStride(), getPadding());
  }

  @Override
  public Layer instantiate(
      NeuralNetConfiguration conf,
      Collection<TrainingListener> trainingListeners,
      int layerIndex,
      INDArray layerParamsView,
      boolean initializeParams,
      DataType networkDataType) {
    // DL4J's checks first (nIn/nOut set), then our layer in place of DepthwiseConvolution2DLayer.
    super.instantiate(conf, trainingListeners, layerIndex, layerParamsView, false, networkDataType);
    return LayerInstances.wired(
        new Impl(conf, networkDataType),
        conf,
        trainingListeners,
        layerIndex,
        layerParamsView,
        initializer().init(conf, layerParamsView, initializeParams));
  }

  /**
   * DL4J's depthwise layer with forward and backward on {@link OneDnnDepthwiseConvolutionHelper}.
   * Unlike DL4J's, which runs the forward convolution again during backprop, it keeps the
   * pre-activation output for backprop when the network caches (CacheMode.HOST), and needs none
   * with the identity activation the architecture builders use.
   */
  static final class Impl extends DepthwiseConvolution2DLayer {

    private static final String W = DepthwiseConvolutionParamInitializer.WEIGHT_KEY;
    private static final String B = DepthwiseConvolutionParamInitializer.BIAS_KEY;

    private final OneDnnDepthwiseConvolutionHelper oneDnn;

    Impl(NeuralNetConfiguration conf, DataType dataType) {
      super(conf, dataType);
      oneDnn = new OneDnnDepthwiseConvolutionHelper(OneDnnLayout.BLOCKED);
      if (!ComputeBackend.isCuda()) {
        helper = oneDnn;
      }
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(false);
      if (cacheMode == null) {
        cacheMode = CacheMode.NONE;
      }
      applyDropOutIfNecessary(training, workspaceMgr);
      preOutput = null; // a pre-activation from an earlier call must never reach backprop
      INDArray z = preOutput(training, false, workspaceMgr).getFirst();
      IActivation afn = layerConf().getActivationFn();
      if (PreOutputCache.keeps(training, afn, cacheMode, workspaceMgr)) {
        try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.FF_CACHE)) {
          preOutput = z.unsafeDuplication();
        }
      }
      return afn.getActivation(z, training);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutput(
        boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(false);
      INDArray weights = getParamWithNoise(W, training, workspaceMgr);
      INDArray in = input.castTo(dataType);
      DepthwiseGeometry geometry = geometry(in, weights);
      if (geometry == null) {
        return super.preOutput(training, forBackprop, workspaceMgr);
      }
      if (forBackprop && preOutput != null) {
        return new Pair<>(preOutput, null);
      }
      OneDnnPaths.taken(OneDnnPaths.DEPTHWISE);
      INDArray bias = layerConf().hasBias() ? getParamWithNoise(B, training, workspaceMgr) : null;
      return new Pair<>(oneDnn.forward(geometry, in, weights, bias, workspaceMgr), null);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(
        INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(true);
      INDArray weights = getParamWithNoise(W, true, workspaceMgr);
      INDArray in = input.castTo(dataType);
      DepthwiseGeometry geometry = geometry(in, weights);
      if (geometry == null) {
        return super.backpropGradient(epsilon, workspaceMgr);
      }
      INDArray eps = epsilon.castTo(dataType);
      IActivation afn = layerConf().getActivationFn();
      INDArray delta =
          PreOutputCache.needsNoPreOutput(afn)
              ? eps
              : afn.backprop(preOutput4d(true, true, workspaceMgr).getFirst(), eps).getFirst();
      preOutput = null;

      boolean hasBias = layerConf().hasBias();
      INDArray weightGrad = gradientViews.get(W);
      INDArray biasGrad = hasBias ? gradientViews.get(B) : null;
      INDArray inputGrad =
          oneDnn.backward(geometry, in, weights, delta, weightGrad, biasGrad, workspaceMgr);

      Gradient gradient = new DefaultGradient();
      if (hasBias) {
        gradient.setGradientFor(B, biasGrad);
      }
      gradient.setGradientFor(W, weightGrad, 'c');
      weightNoiseParams.clear();
      return new Pair<>(gradient, backpropDropOutIfPresent(inputGrad));
    }

    /** This call's geometry, or null for calls DL4J's own path must take. */
    private DepthwiseGeometry geometry(INDArray in, INDArray weights) {
      var conf = layerConf();
      return oneDnn.geometry(
          in,
          weights,
          conf.getKernelSize(),
          conf.getStride(),
          conf.getPadding(),
          convolutionMode,
          conf.getDilation(),
          conf.getCnn2dDataFormat());
    }
  }
}
