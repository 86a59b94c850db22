package dev.musket.engine.onednn;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;

import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.eltwise_backward;
import org.bytedeco.dnnl.eltwise_forward;
import org.bytedeco.dnnl.global.dnnl.prop_kind;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.primitive;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One activation function's forward and backward oneDNN element-wise primitives for one element
 * count, created once and reused for every call. The arrays are seen as flat vectors (an
 * element-wise function does not care about the shape), so any dense array of that many elements
 * fits, NCHW activations and dense-layer outputs alike, in C or F order as long as all operands of
 * a call share it. Both passes write to a separate array, never in place: the backward reads the
 * layer's own input, which therefore stays untouched and needs no copy (DL4J's layer copies it
 * because its activation functions overwrite their argument).
 */
final class OneDnnEltwise {

  private final primitive forward;
  private final IntMemoryMap forwardArgs = new IntMemoryMap();
  private final primitive backward;
  private final IntMemoryMap backwardArgs = new IntMemoryMap();

  private final memory src;
  private final memory dst;
  private final memory diffDst;
  private final memory diffSrc;

  OneDnnEltwise(EltwiseFunction function, long length) {
    memory.desc flat = OneDnn.plain(new long[] {length}, memory.format_tag.x);
    var forwardPd =
        new eltwise_forward.primitive_desc(
            new eltwise_forward.desc(
                prop_kind.forward_training.value,
                function.kind().value,
                flat,
                function.alpha(),
                function.beta()),
            OneDnn.engine());
    var backwardPd =
        new eltwise_backward.primitive_desc(
            new eltwise_backward.desc(
                function.kind().value, flat, flat, function.alpha(), function.beta()),
            OneDnn.engine(),
            forwardPd);
    forward = new eltwise_forward(forwardPd);
    backward = new eltwise_backward(backwardPd);

    src = OneDnn.userMemory(flat);
    dst = OneDnn.userMemory(flat);
    diffDst = OneDnn.userMemory(flat);
    diffSrc = OneDnn.userMemory(flat);
    forwardArgs.put(DNNL_ARG_SRC, src);
    forwardArgs.put(DNNL_ARG_DST, dst);
    backwardArgs.put(DNNL_ARG_SRC, src);
    backwardArgs.put(DNNL_ARG_DIFF_DST, diffDst);
    backwardArgs.put(DNNL_ARG_DIFF_SRC, diffSrc);
  }

  /** {@code out = f(x)}. */
  void forward(INDArray x, INDArray out) {
    OneDnn.bindFlat(src, x);
    OneDnn.bindFlat(dst, out);
    forward.execute(OneDnn.stream(), forwardArgs);
  }

  /** {@code diffX = f'(x) * diffOut}, from the forward's input {@code x}. */
  void backward(INDArray x, INDArray diffOut, INDArray diffX) {
    OneDnn.bindFlat(src, x);
    OneDnn.bindFlat(diffDst, diffOut);
    OneDnn.bindFlat(diffSrc, diffX);
    backward.execute(OneDnn.stream(), backwardArgs);
  }
}
