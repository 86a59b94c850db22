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
import org.deeplearning4j.nn.params.DepthwiseConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Depthwise convolution (DL4J's {@code DepthwiseConvolution2D}: weights {@code [kH, kW, channels,
 * multiplier]}) on oneDNN called directly, as a grouped convolution with one group per channel and
 * one set of cached primitives per input geometry. libnd4j's {@code depthwise_conv2d} ops build the
 * primitives and reorder every tensor again on each call, and DL4J's layer has no helper seam for
 * them; {@link OneDnnDepthwiseConvolutionLayer} calls this class instead. Calls it does not cover
 * (NHWC, dilation, other data types) get {@code null} and stay on DL4J's path.
 */
public final class OneDnnDepthwiseConvolutionHelper implements ConvolutionHelper {

  private final boolean blockedLayouts;
  private final Map<Key, OneDnnConvolution> primitives = new HashMap<>();

  private record Key(DepthwiseGeometry geometry, boolean bias) {}

  /**
   * @param blockedLayouts let oneDNN choose blocked layouts (its depthwise kernels need them; the
   *     activations are reordered at the layer boundary) instead of plain NCHW in place
   */
  public OneDnnDepthwiseConvolutionHelper(boolean blockedLayouts) {
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
    DepthwiseGeometry geometry =
        geometry(input, weights, kernel, strides, pad, convolutionMode, dilation, format);
    return geometry == null ? null : forward(geometry, input, weights, bias, workspaceMgr);
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
    DepthwiseGeometry geometry =
        geometry(input, weights, kernel, strides, pad, convolutionMode, dilation, format);
    if (geometry == null) {
      return null;
    }
    INDArray inputGrad =
        backward(geometry, input, weights, delta, weightGradView, biasGradView, workspaceMgr);
    Gradient gradient = new DefaultGradient();
    if (biasGradView != null) {
      gradient.setGradientFor(DepthwiseConvolutionParamInitializer.BIAS_KEY, biasGradView);
    }
    gradient.setGradientFor(DepthwiseConvolutionParamInitializer.WEIGHT_KEY, weightGradView, 'c');
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

  /** {@code conv(input, weights) + bias} ({@code bias} may be null) in a new activation array. */
  INDArray forward(
      DepthwiseGeometry geometry,
      INDArray input,
      INDArray weights,
      INDArray bias,
      LayerWorkspaceMgr workspaceMgr) {
    INDArray out =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATIONS, DataType.FLOAT, geometry.dstDims(), 'c');
    convolution(geometry, bias != null).forward(OneDnn.dense(input), weights, bias, out);
    return out;
  }

  /**
   * Writes the weight (and bias, if {@code biasGrad} is not null) gradients into DL4J's gradient
   * views and returns the input gradient, from {@code delta} = dL/d(pre-activation output).
   */
  INDArray backward(
      DepthwiseGeometry geometry,
      INDArray input,
      INDArray weights,
      INDArray delta,
      INDArray weightGrad,
      INDArray biasGrad,
      LayerWorkspaceMgr workspaceMgr) {
    INDArray inputGrad =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATION_GRAD, DataType.FLOAT, geometry.srcDims(), 'c');
    convolution(geometry, biasGrad != null)
        .backward(
            OneDnn.dense(input), weights, OneDnn.dense(delta), inputGrad, weightGrad, biasGrad);
    return inputGrad;
  }

  /**
   * The geometry of a call with DL4J's arguments, or {@code null} if this helper does not cover it
   * ({@code padding}: the layer's configured padding; {@code Same} mode computes its own, as DL4J's
   * layer does).
   */
  DepthwiseGeometry geometry(
      INDArray input,
      INDArray weights,
      int[] kernel,
      int[] strides,
      int[] padding,
      ConvolutionMode convolutionMode,
      int[] dilation,
      CNN2DFormat format) {
    if (!DepthwiseGeometry.covers(input, weights, dilation, format, convolutionMode)
        || weights.size(0) != kernel[0]
        || weights.size(1) != kernel[1]
        || input.size(1) != weights.size(2)) {
      return null;
    }
    return DepthwiseGeometry.of(
        input,
        (int) weights.size(3),
        kernel,
        strides,
        padding,
        convolutionMode,
        DepthwiseGeometry.WeightLayout.KH_KW_C_M);
  }

  private OneDnnConvolution convolution(DepthwiseGeometry geometry, boolean bias) {
    return primitives.computeIfAbsent(
        new Key(geometry, bias),
        k -> new OneDnnConvolution(k.geometry(), k.bias(), blockedLayouts));
  }
}
