package dev.musket.engine.onednn;

import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.reorder;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Connects an ND4J array in its plain layout to the memory a oneDNN primitive wants. When the
 * primitive chose the plain layout itself, the array is used in place; otherwise the data goes
 * through a reorder into (or out of) a buffer in the primitive's layout, made once and reused.
 */
final class LayoutBridge {

  private final memory user;
  private final memory inner;
  private final reorder toInner;
  private final reorder toUser;

  LayoutBridge(memory.desc userDesc, memory.desc primitiveDesc) {
    user = OneDnn.userMemory(userDesc);
    if (primitiveDesc.equals(userDesc)) {
      inner = user;
      toInner = null;
      toUser = null;
    } else {
      inner = new memory(primitiveDesc, OneDnn.engine());
      toInner = new reorder(user, inner);
      toUser = new reorder(inner, user);
    }
  }

  /** The memory the primitive reads or writes (fixed for the bridge's lifetime). */
  memory primitiveMemory() {
    return inner;
  }

  /**
   * Makes {@code array} the input: binds it and, if needed, reorders it into the primitive's
   * layout.
   */
  void input(INDArray array) {
    OneDnn.bind(user, array);
    if (toInner != null) {
      toInner.execute(OneDnn.stream(), user, inner);
    }
  }

  /** Makes {@code array} the output; call {@link #flush()} after the primitive ran. */
  void output(INDArray array) {
    OneDnn.bind(user, array);
  }

  /** Reorders the primitive's output into the bound array, if the layouts differ. */
  void flush() {
    if (toUser != null) {
      toUser.execute(OneDnn.stream(), inner, user);
    }
  }

  /** Whether data is reordered on the way in or out (false: the array is used in place). */
  boolean reorders() {
    return toInner != null;
  }
}
