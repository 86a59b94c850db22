package dev.musket.engine.onednn;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A separable convolution (DL4J's {@code SeparableConvolution2D}) as two cached oneDNN
 * convolutions: the depthwise part (weights {@code W} {@code [multiplier, channels, kH, kW]}, no
 * bias) into a working buffer, then the pointwise 1x1 convolution (weights {@code pW} {@code [nOut,
 * channels * multiplier, 1, 1]}, bias {@code b}). The backward pass recomputes the depthwise output
 * (cheap) for the pointwise weight gradient rather than keeping it between the passes.
 */
final class OneDnnSeparableConvolution {

  private final boolean blockedLayouts;
  private final Map<DepthwiseGeometry, OneDnnConvolution> depthwise = new HashMap<>();
  private final Map<PointwiseKey, OneDnnConvolution> pointwise = new HashMap<>();

  private record PointwiseKey(ConvGeometry geometry, boolean bias) {}

  OneDnnSeparableConvolution(boolean blockedLayouts) {
    this.blockedLayouts = blockedLayouts;
  }

  /** {@code pointwise(depthwise(input)) + bias} ({@code bias} may be null), a new activation. */
  INDArray forward(
      DepthwiseGeometry geometry,
      INDArray input,
      INDArray depthwiseWeights,
      INDArray pointwiseWeights,
      INDArray bias,
      LayerWorkspaceMgr workspaces) {
    INDArray mid = create(workspaces, ArrayType.FF_WORKING_MEM, geometry.dstDims());
    depthwise(geometry).forward(OneDnn.dense(input), depthwiseWeights, null, mid);
    ConvGeometry point = pointwiseGeometry(geometry, pointwiseWeights);
    INDArray out = create(workspaces, ArrayType.ACTIVATIONS, point.dstDims());
    pointwise(point, bias != null).forward(mid, pointwiseWeights, bias, out);
    return out;
  }

  /**
   * Writes the three parameter gradients into DL4J's gradient views ({@code biasGrad} null without
   * a bias) and returns the input gradient, from {@code delta} = dL/d(pre-activation output).
   */
  INDArray backward(
      DepthwiseGeometry geometry,
      INDArray input,
      INDArray depthwiseWeights,
      INDArray pointwiseWeights,
      INDArray delta,
      INDArray depthwiseGrad,
      INDArray pointwiseGrad,
      INDArray biasGrad,
      LayerWorkspaceMgr workspaces) {
    INDArray in = OneDnn.dense(input);
    OneDnnConvolution dw = depthwise(geometry);
    INDArray mid = create(workspaces, ArrayType.BP_WORKING_MEM, geometry.dstDims());
    dw.forward(in, depthwiseWeights, null, mid);
    INDArray midGrad = create(workspaces, ArrayType.BP_WORKING_MEM, geometry.dstDims());
    pointwise(pointwiseGeometry(geometry, pointwiseWeights), biasGrad != null)
        .backward(mid, pointwiseWeights, OneDnn.dense(delta), midGrad, pointwiseGrad, biasGrad);
    INDArray inputGrad = create(workspaces, ArrayType.ACTIVATION_GRAD, geometry.srcDims());
    dw.backward(in, depthwiseWeights, midGrad, inputGrad, depthwiseGrad, null);
    return inputGrad;
  }

  private static ConvGeometry pointwiseGeometry(DepthwiseGeometry g, INDArray pointwiseWeights) {
    return new ConvGeometry(
        g.batch(),
        g.channels() * g.multiplier(),
        (int) pointwiseWeights.size(0),
        1,
        1,
        0,
        g.outHeight(),
        g.outWidth());
  }

  private OneDnnConvolution depthwise(DepthwiseGeometry geometry) {
    return depthwise.computeIfAbsent(
        geometry, g -> new OneDnnConvolution(g, false, blockedLayouts));
  }

  /** The layouts {@link ConvLayouts#chosenFor} picks for any 1x1 convolution of this geometry. */
  private OneDnnConvolution pointwise(ConvGeometry geometry, boolean bias) {
    return pointwise.computeIfAbsent(
        new PointwiseKey(geometry, bias),
        k ->
            new OneDnnConvolution(
                k.geometry(),
                k.bias(),
                blockedLayouts ? ConvLayouts.chosenFor(k.geometry()) : ConvLayouts.PLAIN));
  }

  private static INDArray create(LayerWorkspaceMgr workspaces, ArrayType type, long[] shape) {
    return workspaces.createUninitialized(type, DataType.FLOAT, shape, 'c');
  }
}
