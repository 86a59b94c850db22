package dev.musket.engine.onednn;

import dev.musket.engine.runtime.NativeRuntime;
import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The process's one oneDNN CPU engine and stream, and the bridge from ND4J arrays to oneDNN memory.
 * This is oneDNN itself (org.bytedeco:dnnl, the JavaCPP line of DL4J M2.1), not the copy linked
 * inside libnd4j: calling it directly lets the engine cache primitives and keep weights in oneDNN's
 * own layouts, which libnd4j's glue does not (docs/decisions/0003).
 */
public final class OneDnn {

  private static final engine ENGINE;
  private static final stream STREAM;

  static {
    NativeRuntime.initialize();
    ENGINE = new engine(engine.kind.cpu, 0);
    STREAM = new stream(ENGINE);
  }

  private OneDnn() {}

  static engine engine() {
    return ENGINE;
  }

  static stream stream() {
    return STREAM;
  }

  /** A descriptor of plain (row-major) float32 memory with these dimensions. */
  static memory.desc plain(long[] dims, memory.format_tag tag) {
    return new memory.desc(dims, memory.data_type.f32, tag);
  }

  /** A float32 descriptor that lets the primitive choose its preferred (blocked) layout. */
  static memory.desc any(long[] dims) {
    return new memory.desc(dims, memory.data_type.f32, memory.format_tag.any);
  }

  /** oneDNN memory over no data yet; {@link #bind} points it at an array before each use. */
  static memory userMemory(memory.desc desc) {
    return new memory(desc, ENGINE, (Pointer) null);
  }

  /** Points {@code target} at the data of a float32 array laid out densely in C order. */
  static void bind(memory target, INDArray array) {
    target.set_data_handle(address(array));
  }

  /**
   * Whether an array's elements lie densely in C (row-major) order; strides of size-1 dimensions
   * and the ordering flag of vectors do not matter.
   */
  static boolean isDense(INDArray array) {
    long expected = 1;
    for (int d = array.rank() - 1; d >= 0; d--) {
      if (array.size(d) != 1 && array.stride(d) != expected) {
        return false;
      }
      expected *= array.size(d);
    }
    return true;
  }

  /**
   * The order in which an array's elements lie densely, {@code 'c'} or {@code 'f'}, or {@code 0}
   * when they do not lie densely in either (a view with gaps). Element-wise primitives treat the
   * buffer as a flat vector, so either order will do for them as long as every operand has the same
   * one.
   */
  static char denseOrder(INDArray array) {
    if (isDense(array)) {
      return 'c';
    }
    long expected = 1;
    for (int d = 0; d < array.rank(); d++) {
      if (array.size(d) != 1 && array.stride(d) != expected) {
        return 0;
      }
      expected *= array.size(d);
    }
    return 'f';
  }

  /**
   * Points {@code target}, a flat (1-D) descriptor, at a float32 array whose elements lie densely
   * in either order ({@link #denseOrder}).
   */
  static void bindFlat(memory target, INDArray array) {
    if (array.dataType() != DataType.FLOAT || denseOrder(array) == 0) {
      throw new IllegalArgumentException(
          "oneDNN element-wise primitives need dense float32 arrays, got "
              + array.dataType()
              + " "
              + array.shapeInfoToString());
    }
    target.set_data_handle(firstElement(array));
  }

  /** The array itself when {@link #isDense}, else a dense row-major copy: what oneDNN can read. */
  static INDArray dense(INDArray array) {
    return isDense(array) ? array : array.dup('c');
  }

  /** Copies a float32 array laid out densely in C order (a parameter vector) into {@code into}. */
  static void copy(INDArray array, float[] into) {
    new FloatPointer(address(array)).get(into);
  }

  /** The native address of the first element of a float32 array laid out densely in C order. */
  static Pointer address(INDArray array) {
    if (array.dataType() != DataType.FLOAT || !isDense(array)) {
      throw new IllegalArgumentException(
          "oneDNN needs float32 arrays laid out densely in C order, got "
              + array.dataType()
              + " "
              + array.ordering()
              + " "
              + array.shapeInfoToString());
    }
    return firstElement(array);
  }

  private static Pointer firstElement(INDArray array) {
    // addressPointer() already points at the buffer's own offset; a view's array offset is
    // counted from the same origin in ND4J M2.1, so only the difference is added.
    Pointer base = array.data().addressPointer();
    long at =
        base.address()
            + base.position() * base.sizeof()
            + (array.offset() - array.data().offset()) * 4L;
    return new Pointer() {
      {
        address = at;
      }
    };
  }
}
