package dev.musket.engine.onednn;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.SeparableConvolution2DLayer;
import org.deeplearning4j.nn.params.SeparableConvolutionParamInitializer;
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
 * DL4J's {@link SeparableConvolution2D} configuration whose layer runs on oneDNN directly ({@link
 * OneDnnSeparableConvolution}: a cached depthwise and a cached 1x1 convolution) instead of
 * libnd4j's {@code sconv2d} ops. Same parameters ({@code W} {@code [multiplier, channels, kH, kW]},
 * {@code pW} {@code [nOut, channels * multiplier, 1, 1]}, {@code b}), same initialisation, same
 * JSON apart from the class name, same results to float tolerance ({@code
 * OneDnnSeparableConvolutionLayerTest}). Build it through {@code FastDefaults.separable}.
 */
public class OneDnnSeparableConvolutionLayer extends SeparableConvolution2D {

  /** For JSON deserialisation. */
  protected OneDnnSeparableConvolutionLayer() {}

  public OneDnnSeparableConvolutionLayer(SeparableConvolution2D.Builder builder) {
    super(builder);
    // what SeparableConvolution2D.Builder.build() checks
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
    // DL4J's checks first (nIn/nOut set), then our layer in place of SeparableConvolution2DLayer.
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
   * DL4J's separable layer with forward and backward on {@link OneDnnSeparableConvolution}; keeps
   * the pre-activation for backprop like the engine's depthwise layer ({@link PreOutputCache}).
   */
  public static final class Impl extends SeparableConvolution2DLayer {

    private static final String W = SeparableConvolutionParamInitializer.DEPTH_WISE_WEIGHT_KEY;
    private static final String PW = SeparableConvolutionParamInitializer.POINT_WISE_WEIGHT_KEY;
    private static final String B = SeparableConvolutionParamInitializer.BIAS_KEY;

    private final OneDnnSeparableConvolution oneDnn =
        new OneDnnSeparableConvolution(OneDnnLayout.BLOCKED);

    Impl(NeuralNetConfiguration conf, DataType dataType) {
      super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(false);
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
      INDArray depthwise = getParamWithNoise(W, training, workspaceMgr);
      INDArray pointwise = getParamWithNoise(PW, training, workspaceMgr);
      INDArray in = input.castTo(dataType);
      DepthwiseGeometry geometry = geometry(in, depthwise, pointwise);
      if (geometry == null) {
        return super.preOutput(training, forBackprop, workspaceMgr);
      }
      if (forBackprop && preOutput != null) {
        return new Pair<>(preOutput, null);
      }
      OneDnnPaths.taken(OneDnnPaths.SEPARABLE);
      INDArray bias = layerConf().hasBias() ? getParamWithNoise(B, training, workspaceMgr) : null;
      return new Pair<>(
          oneDnn.forward(geometry, in, depthwise, pointwise, bias, workspaceMgr), null);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(
        INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(true);
      INDArray depthwise = getParamWithNoise(W, true, workspaceMgr);
      INDArray pointwise = getParamWithNoise(PW, true, workspaceMgr);
      INDArray in = input.castTo(dataType);
      DepthwiseGeometry geometry = geometry(in, depthwise, pointwise);
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
      INDArray depthwiseGrad = gradientViews.get(W);
      INDArray pointwiseGrad = gradientViews.get(PW);
      INDArray biasGrad = hasBias ? gradientViews.get(B) : null;
      INDArray inputGrad =
          oneDnn.backward(
              geometry,
              in,
              depthwise,
              pointwise,
              delta,
              depthwiseGrad,
              pointwiseGrad,
              biasGrad,
              workspaceMgr);

      Gradient gradient = new DefaultGradient();
      if (hasBias) {
        gradient.setGradientFor(B, biasGrad);
      }
      gradient.setGradientFor(W, depthwiseGrad, 'c');
      gradient.setGradientFor(PW, pointwiseGrad, 'c');
      weightNoiseParams.clear();
      return new Pair<>(gradient, backpropDropOutIfPresent(inputGrad));
    }

    /** This call's geometry, or null for calls DL4J's own path must take. */
    private DepthwiseGeometry geometry(INDArray in, INDArray depthwise, INDArray pointwise) {
      var conf = layerConf();
      int[] kernel = conf.getKernelSize();
      boolean covered =
          DepthwiseGeometry.covers(
                  in, depthwise, conf.getDilation(), conf.getCnn2dDataFormat(), convolutionMode)
              && OneDnn.isDense(pointwise)
              && pointwise.dataType() == DataType.FLOAT
              && depthwise.size(2) == kernel[0]
              && depthwise.size(3) == kernel[1]
              && in.size(1) == depthwise.size(1)
              && pointwise.size(1) == depthwise.size(0) * depthwise.size(1);
      if (!covered) {
        return null;
      }
      return DepthwiseGeometry.of(
          in,
          (int) depthwise.size(0),
          kernel,
          conf.getStride(),
          conf.getPadding(),
          convolutionMode,
          DepthwiseGeometry.WeightLayout.M_C_KH_KW);
    }
  }
}
