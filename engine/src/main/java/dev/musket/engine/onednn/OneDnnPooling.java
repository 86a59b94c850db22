package dev.musket.engine.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.pooling_backward;
import org.bytedeco.dnnl.pooling_forward;
import org.bytedeco.dnnl.primitive;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One pooling geometry's oneDNN primitives (training forward, inference forward, backward), created
 * once and reused for every call. Max pooling's training forward records in a workspace which cell
 * of each window won; the backward reads it instead of searching the windows again. The workspace
 * is oneDNN memory owned by this object, outside ND4J's workspaces, so it outlives the forward pass
 * whatever DL4J does with its arrays in between; it holds the last training forward's result, and
 * {@link #backward} is only valid for that forward (the caller checks, {@link PoolingRunner}).
 */
final class OneDnnPooling {

  private final PoolMode mode;
  private final primitive forwardTraining;
  private final primitive forwardInference;
  private final primitive backward;
  private final LayoutBridge fwdSrc;
  private final LayoutBridge fwdDst;
  private final LayoutBridge bwdDiffDst;
  private final LayoutBridge bwdDiffSrc;
  private final memory workspace;
  private final IntMemoryMap trainArgs = new IntMemoryMap();
  private final IntMemoryMap inferArgs = new IntMemoryMap();
  private final IntMemoryMap backwardArgs = new IntMemoryMap();

  /**
   * @param blocked run on oneDNN's channel-blocked layout ({@code nChw16c}) with reorders at the
   *     boundary, instead of plain NCHW in place
   */
  OneDnnPooling(PoolGeometry geometry, PoolMode mode, boolean blocked) {
    this.mode = mode;
    memory.desc src = OneDnn.plain(geometry.srcDims(), memory.format_tag.nchw);
    memory.desc dst = OneDnn.plain(geometry.dstDims(), memory.format_tag.nchw);
    memory.desc innerSrc =
        blocked ? OneDnn.plain(geometry.srcDims(), memory.format_tag.nChw16c) : src;
    memory.desc innerDst =
        blocked ? OneDnn.plain(geometry.dstDims(), memory.format_tag.nChw16c) : dst;

    var trainPd = forwardPd(prop_kind.forward_training, geometry, innerSrc, innerDst);
    var inferPd = forwardPd(prop_kind.forward_inference, geometry, innerSrc, innerDst);
    var backwardPd =
        new pooling_backward.primitive_desc(
            new pooling_backward.desc(
                mode.algorithm(),
                innerSrc,
                innerDst,
                geometry.strides(),
                geometry.kernel(),
                geometry.padBefore(),
                geometry.padAfter()),
            OneDnn.engine(),
            trainPd);
    forwardTraining = new pooling_forward(trainPd);
    forwardInference = new pooling_forward(inferPd);
    backward = new pooling_backward(backwardPd);

    fwdSrc = new LayoutBridge(src, trainPd.src_desc());
    fwdDst = new LayoutBridge(dst, trainPd.dst_desc());
    bwdDiffDst = new LayoutBridge(dst, backwardPd.diff_dst_desc());
    bwdDiffSrc = new LayoutBridge(src, backwardPd.diff_src_desc());
    workspace = mode == PoolMode.MAX ? new memory(trainPd.workspace_desc(), OneDnn.engine()) : null;

    trainArgs.put(DNNL_ARG_SRC, fwdSrc.primitiveMemory());
    trainArgs.put(DNNL_ARG_DST, fwdDst.primitiveMemory());
    inferArgs.put(DNNL_ARG_SRC, fwdSrc.primitiveMemory());
    inferArgs.put(DNNL_ARG_DST, fwdDst.primitiveMemory());
    backwardArgs.put(DNNL_ARG_DIFF_DST, bwdDiffDst.primitiveMemory());
    backwardArgs.put(DNNL_ARG_DIFF_SRC, bwdDiffSrc.primitiveMemory());
    if (workspace != null) {
      trainArgs.put(DNNL_ARG_WORKSPACE, workspace);
      backwardArgs.put(DNNL_ARG_WORKSPACE, workspace);
    }
  }

  private pooling_forward.primitive_desc forwardPd(
      prop_kind kind, PoolGeometry geometry, memory.desc src, memory.desc dst) {
    return new pooling_forward.primitive_desc(
        new pooling_forward.desc(
            kind,
            mode.algorithm(),
            src,
            dst,
            geometry.strides(),
            geometry.kernel(),
            geometry.padBefore(),
            geometry.padAfter()),
        OneDnn.engine());
  }

  /**
   * {@code dst = pool(src)}; with {@code training}, max pooling also records the winning cells for
   * {@link #backward}.
   */
  void forward(INDArray src, INDArray dst, boolean training) {
    fwdSrc.input(src);
    fwdDst.output(dst);
    (training ? forwardTraining : forwardInference)
        .execute(OneDnn.stream(), training ? trainArgs : inferArgs);
    fwdDst.flush();
  }

  /**
   * {@code diffSrc = dL/dsrc} from {@code diffDst = dL/ddst}, for the input of the last training
   * {@link #forward} (max pooling reads its workspace).
   */
  void backward(INDArray diffDst, INDArray diffSrc) {
    bwdDiffDst.input(diffDst);
    bwdDiffSrc.output(diffSrc);
    backward.execute(OneDnn.stream(), backwardArgs);
    bwdDiffSrc.flush();
  }

  /** Whether the backward needs the training forward's workspace (max pooling). */
  boolean needsWorkspace() {
    return workspace != null;
  }
}
