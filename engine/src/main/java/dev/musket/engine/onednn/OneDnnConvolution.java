package dev.musket.engine.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One convolution geometry's forward, backward-data and backward-weights oneDNN primitives, created
 * once and reused for every call (libnd4j builds them again on every call). Arrays are NCHW
 * activations and OIHW weights, as DL4J keeps them; each primitive that {@link ConvLayouts} marks
 * blocked picks its preferred blocked layouts and data is reordered at the boundary through {@link
 * LayoutBridge}, the others work on the plain layouts in place.
 */
public final class OneDnnConvolution {

  private final ConvolutionShape geometry;
  private final boolean hasBias;

  private final primitive forward;
  private final LayoutBridge fwdSrc;
  private final LayoutBridge fwdWeights;
  private final LayoutBridge fwdBias;
  private final LayoutBridge fwdDst;
  private final IntMemoryMap fwdArgs = new IntMemoryMap();

  private final primitive backwardData;
  private final LayoutBridge bwdDiffDst;
  private final LayoutBridge bwdWeights;
  private final LayoutBridge bwdDiffSrc;
  private final IntMemoryMap bwdDataArgs = new IntMemoryMap();

  private final primitive backwardWeights;
  private final LayoutBridge bwwSrc;
  private final LayoutBridge bwwDiffDst;
  private final LayoutBridge bwwDiffWeights;
  private final LayoutBridge bwwDiffBias;
  private final boolean sharedDiffDst;
  private final IntMemoryMap bwdWeightsArgs = new IntMemoryMap();

  public OneDnnConvolution(ConvGeometry geometry, boolean hasBias, boolean blocked) {
    this(geometry, hasBias, ConvLayouts.uniform(blocked));
  }

  public OneDnnConvolution(ConvGeometry geometry, boolean hasBias, ConvLayouts layouts) {
    this((ConvolutionShape) geometry, hasBias, layouts);
  }

  public OneDnnConvolution(DepthwiseGeometry geometry, boolean hasBias, boolean blocked) {
    this(geometry, hasBias, ConvLayouts.uniform(blocked));
  }

  /**
   * A plain or grouped convolution of this shape; each primitive that {@code layouts} marks blocked
   * gets the activation and weight layouts it prefers (data reordered at the boundary), the others
   * use the arrays in place.
   */
  OneDnnConvolution(ConvolutionShape geometry, boolean hasBias, ConvLayouts layouts) {
    this.geometry = geometry;
    this.hasBias = hasBias;
    memory.desc src = OneDnn.plain(geometry.srcDims(), memory.format_tag.nchw);
    memory.desc weights = geometry.userWeights();
    memory.desc bias = OneDnn.plain(geometry.biasDims(), memory.format_tag.x);
    memory.desc dst = OneDnn.plain(geometry.dstDims(), memory.format_tag.nchw);
    memory.desc srcAny = OneDnn.any(geometry.srcDims());
    memory.desc weightsAny = OneDnn.any(geometry.weightDims());
    memory.desc dstAny = OneDnn.any(geometry.dstDims());
    boolean fb = layouts.forward();
    boolean db = layouts.backwardData();
    boolean wb = layouts.backwardWeights();

    convolution_forward.desc fwdDesc =
        hasBias
            ? new convolution_forward.desc(
                prop_kind.forward_training,
                algorithm.convolution_direct,
                fb ? srcAny : src,
                fb ? weightsAny : weights,
                bias,
                fb ? dstAny : dst,
                geometry.strides(),
                geometry.padBefore(),
                geometry.padAfter())
            : new convolution_forward.desc(
                prop_kind.forward_training,
                algorithm.convolution_direct,
                fb ? srcAny : src,
                fb ? weightsAny : weights,
                fb ? dstAny : dst,
                geometry.strides(),
                geometry.padBefore(),
                geometry.padAfter());
    var fwdPd = new convolution_forward.primitive_desc(fwdDesc, OneDnn.engine());
    forward = new convolution_forward(fwdPd);
    fwdSrc = new LayoutBridge(src, fwdPd.src_desc());
    fwdWeights = new LayoutBridge(weights, fwdPd.weights_desc());
    fwdBias = hasBias ? new LayoutBridge(bias, bias) : null;
    fwdDst = new LayoutBridge(dst, fwdPd.dst_desc());
    fwdArgs.put(DNNL_ARG_SRC, fwdSrc.primitiveMemory());
    fwdArgs.put(DNNL_ARG_WEIGHTS, fwdWeights.primitiveMemory());
    if (hasBias) {
      fwdArgs.put(DNNL_ARG_BIAS, fwdBias.primitiveMemory());
    }
    fwdArgs.put(DNNL_ARG_DST, fwdDst.primitiveMemory());

    var bwdDataPd =
        new convolution_backward_data.primitive_desc(
            new convolution_backward_data.desc(
                algorithm.convolution_direct,
                db ? srcAny : src,
                db ? weightsAny : weights,
                db ? dstAny : dst,
                geometry.strides(),
                geometry.padBefore(),
                geometry.padAfter()),
            OneDnn.engine(),
            fwdPd);
    backwardData = new convolution_backward_data(bwdDataPd);
    bwdDiffDst = new LayoutBridge(dst, bwdDataPd.diff_dst_desc());
    bwdWeights = new LayoutBridge(weights, bwdDataPd.weights_desc());
    bwdDiffSrc = new LayoutBridge(src, bwdDataPd.diff_src_desc());
    bwdDataArgs.put(DNNL_ARG_DIFF_DST, bwdDiffDst.primitiveMemory());
    bwdDataArgs.put(DNNL_ARG_WEIGHTS, bwdWeights.primitiveMemory());
    bwdDataArgs.put(DNNL_ARG_DIFF_SRC, bwdDiffSrc.primitiveMemory());

    convolution_backward_weights.desc bwwDesc =
        hasBias
            ? new convolution_backward_weights.desc(
                algorithm.convolution_direct,
                wb ? srcAny : src,
                wb ? weightsAny : weights,
                bias,
                wb ? dstAny : dst,
                geometry.strides(),
                geometry.padBefore(),
                geometry.padAfter())
            : new convolution_backward_weights.desc(
                algorithm.convolution_direct,
                wb ? srcAny : src,
                wb ? weightsAny : weights,
                wb ? dstAny : dst,
                geometry.strides(),
                geometry.padBefore(),
                geometry.padAfter());
    var bwwPd = new convolution_backward_weights.primitive_desc(bwwDesc, OneDnn.engine(), fwdPd);
    backwardWeights = new convolution_backward_weights(bwwPd);
    bwwSrc = new LayoutBridge(src, bwwPd.src_desc());
    sharedDiffDst = bwwPd.diff_dst_desc().equals(bwdDataPd.diff_dst_desc());
    bwwDiffDst = sharedDiffDst ? bwdDiffDst : new LayoutBridge(dst, bwwPd.diff_dst_desc());
    bwwDiffWeights = new LayoutBridge(weights, bwwPd.diff_weights_desc());
    bwwDiffBias = hasBias ? new LayoutBridge(bias, bias) : null;
    bwdWeightsArgs.put(DNNL_ARG_SRC, bwwSrc.primitiveMemory());
    bwdWeightsArgs.put(DNNL_ARG_DIFF_DST, bwwDiffDst.primitiveMemory());
    bwdWeightsArgs.put(DNNL_ARG_DIFF_WEIGHTS, bwwDiffWeights.primitiveMemory());
    if (hasBias) {
      bwdWeightsArgs.put(DNNL_ARG_DIFF_BIAS, bwwDiffBias.primitiveMemory());
    }
  }

  /** The shape this convolution was made for. */
  ConvolutionShape shape() {
    return geometry;
  }

  /** {@code dst = conv(src, weights) + bias}; {@code bias} is ignored without a bias. */
  public void forward(INDArray src, INDArray weights, INDArray bias, INDArray dst) {
    fwdSrc.input(src);
    fwdWeights.input(weights);
    if (hasBias) {
      fwdBias.input(bias);
    }
    fwdDst.output(dst);
    forward.execute(OneDnn.stream(), fwdArgs);
    fwdDst.flush();
  }

  /** {@code diffSrc = dL/dsrc} from {@code diffDst = dL/ddst}. */
  public void backwardData(INDArray diffDst, INDArray weights, INDArray diffSrc) {
    bwdDiffDst.input(diffDst);
    bwdWeights.input(weights);
    bwdDiffSrc.output(diffSrc);
    backwardData.execute(OneDnn.stream(), bwdDataArgs);
    bwdDiffSrc.flush();
  }

  /**
   * Both backward passes for one {@code dL/ddst}: {@link #backwardData} then {@link
   * #backwardWeights}, reordering {@code diffDst} once when both primitives want the same layout.
   */
  public void backward(
      INDArray src,
      INDArray weights,
      INDArray diffDst,
      INDArray diffSrc,
      INDArray diffWeights,
      INDArray diffBias) {
    backwardData(diffDst, weights, diffSrc);
    bwwSrc.input(src);
    if (!sharedDiffDst) {
      bwwDiffDst.input(diffDst);
    }
    runBackwardWeights(diffWeights, diffBias);
  }

  /** {@code diffWeights} (and {@code diffBias}, with a bias) from the input and {@code dL/ddst}. */
  public void backwardWeights(
      INDArray src, INDArray diffDst, INDArray diffWeights, INDArray diffBias) {
    bwwSrc.input(src);
    bwwDiffDst.input(diffDst);
    runBackwardWeights(diffWeights, diffBias);
  }

  private void runBackwardWeights(INDArray diffWeights, INDArray diffBias) {
    bwwDiffWeights.output(diffWeights);
    if (hasBias) {
      bwwDiffBias.output(diffBias);
    }
    backwardWeights.execute(OneDnn.stream(), bwdWeightsArgs);
    bwwDiffWeights.flush();
  }
}
