package dev.musket.engine.onednn;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.AlgoMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdDataAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.BwdFilterAlgo;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer.FwdAlgo;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionHelper;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J convolution helper that runs forward and backward on oneDNN directly, with one {@link
 * OneDnnConvolution} (cached primitives) per input geometry, instead of going through libnd4j's
 * conv2d ops, which rebuild the primitives and reorder every tensor on each call. It plugs into
 * DL4J's own {@code ConvolutionLayer} through the helper seam, so parameters, initialisation,
 * serialisation and the activation stay DL4J's. Configurations it does not cover (NHWC, dilation,
 * non-square kernels, Same mode, other data types) return {@code null}, which makes DL4J use its
 * built-in implementation for that call.
 */
public final class OneDnnConvolutionHelper implements ConvolutionHelper {

  private final boolean blockedLayouts;
  private final Map<Key, OneDnnConvolution> primitives = new HashMap<>();

  private record Key(ConvGeometry geometry, boolean bias) {}

  /**
   * @param blockedLayouts let oneDNN choose blocked layouts (reordering at the layer boundary)
   *     instead of working on plain NCHW/OIHW in place
   */
  public OneDnnConvolutionHelper(boolean blockedLayouts) {
    this.blockedLayouts = blockedLayouts;
  }

  @Override
  public boolean checkSupported() {
    return true;
  }

  @Override
  public INDArray preOutput(
      INDArray input,
      INDArray weights,
      INDArray bias,
      int[] kernel,
      int[] strides,
      int[] pad,
      AlgoMode mode,
      FwdAlgo fwdAlgo,
      ConvolutionMode convolutionMode,
      int[] dilation,
      CNN2DFormat format,
      LayerWorkspaceMgr workspaceMgr) {
    ConvGeometry geometry =
        geometry(input, weights, kernel, strides, pad, convolutionMode, dilation, format);
    if (geometry == null) {
      return null;
    }
    INDArray out =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATIONS,
            DataType.FLOAT,
            input.size(0),
            geometry.outChannels(),
            geometry.outHeight(),
            geometry.outWidth());
    convolution(geometry, bias != null).forward(OneDnn.dense(input), weights, bias, out);
    return out;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(
      INDArray input,
      INDArray weights,
      INDArray bias,
      INDArray delta,
      int[] kernel,
      int[] strides,
      int[] pad,
      INDArray biasGradView,
      INDArray weightGradView,
      IActivation afn,
      AlgoMode mode,
      BwdFilterAlgo bwdFilterAlgo,
      BwdDataAlgo bwdDataAlgo,
      ConvolutionMode convolutionMode,
      int[] dilation,
      CNN2DFormat format,
      LayerWorkspaceMgr workspaceMgr) {
    ConvGeometry geometry =
        geometry(input, weights, kernel, strides, pad, convolutionMode, dilation, format);
    if (geometry == null) {
      return null;
    }
    INDArray inputGrad =
        workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape());
    OneDnnConvolution conv = convolution(geometry, biasGradView != null);
    conv.backward(
        OneDnn.dense(input), weights, OneDnn.dense(delta), inputGrad, weightGradView, biasGradView);

    Gradient gradient = new DefaultGradient();
    if (biasGradView != null) {
      gradient.gradientForVariable().put(ConvolutionParamInitializer.BIAS_KEY, biasGradView);
    }
    gradient.gradientForVariable().put(ConvolutionParamInitializer.WEIGHT_KEY, weightGradView);
    return new Pair<>(gradient, inputGrad);
  }

  @Override
  public INDArray activate(INDArray z, IActivation afn, boolean training) {
    return afn.getActivation(z, training);
  }

  @Override
  public Map<String, Long> helperMemoryUse() {
    return Collections.emptyMap();
  }

  private OneDnnConvolution convolution(ConvGeometry geometry, boolean bias) {
    return primitives.computeIfAbsent(
        new Key(geometry, bias),
        k ->
            new OneDnnConvolution(
                k.geometry(),
                k.bias(),
                blockedLayouts ? ConvLayouts.chosenFor(k.geometry()) : ConvLayouts.PLAIN));
  }

  /**
   * The geometry of this call, or {@code null} if this helper does not cover it (dilation, Causal
   * mode, NHWC, other data types: DL4J's own path). Same mode and non-square kernels are covered:
   * the architecture builders use them for almost every convolution.
   */
  private static ConvGeometry geometry(
      INDArray input,
      INDArray weights,
      int[] kernel,
      int[] strides,
      int[] pad,
      ConvolutionMode convolutionMode,
      int[] dilation,
      CNN2DFormat format) {
    boolean covered =
        format == CNN2DFormat.NCHW
            && convolutionMode != ConvolutionMode.Causal
            && input.dataType() == DataType.FLOAT
            && weights.dataType() == DataType.FLOAT
            && input.rank() == 4
            && weights.rank() == 4
            && dilation[0] == 1
            && dilation[1] == 1
            && OneDnn.isDense(weights);
    if (!covered) {
      return null;
    }
    return ConvGeometry.of(input, weights, kernel, strides, pad, convolutionMode);
  }
}
