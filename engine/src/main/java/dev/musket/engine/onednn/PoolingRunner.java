package dev.musket.engine.onednn;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One pooling layer's oneDNN calls: a {@link OneDnnPooling} per geometry and mode, made on first
 * use, and the bookkeeping that keeps max pooling's backward honest. oneDNN's max-pooling backward
 * reads the workspace of a training forward; it is valid only if that forward saw the very input
 * the backward is for. DL4J keeps a layer's input array from the forward pass to backprop, so the
 * identity of that array (never its data, which may live in a closed ND4J workspace) tells whether
 * the last training forward is the one to use; if not (an inference forward or another input in
 * between), the backward runs the training forward again first, as libnd4j's backward does every
 * time.
 */
final class PoolingRunner {

  private record Key(PoolGeometry geometry, PoolMode mode) {}

  private final boolean blocked;
  private final Map<Key, OneDnnPooling> primitives = new HashMap<>();
  private INDArray lastTrainingInput;
  private Key lastTrainingKey;
  private long forwardsRepeated;

  /**
   * @param blocked run on oneDNN's channel-blocked layout (see {@link OneDnnPooling})
   */
  PoolingRunner(boolean blocked) {
    this.blocked = blocked;
  }

  /**
   * The pooled {@code input} in a new {@code [N, C, outH, outW]} activation array; {@code input} is
   * the layer's input array itself (its identity is remembered for the backward).
   */
  INDArray forward(
      PoolGeometry geometry,
      PoolMode mode,
      INDArray input,
      boolean training,
      LayerWorkspaceMgr workspaceMgr) {
    Key key = new Key(geometry, mode);
    INDArray out =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATIONS, DataType.FLOAT, geometry.dstDims(), 'c');
    primitives(key).forward(OneDnn.dense(input), out, training);
    if (training) {
      lastTrainingInput = input;
      lastTrainingKey = key;
    }
    return out;
  }

  /**
   * {@code dL/dinput} in a new activation-gradient array from {@code epsilon = dL/doutput} (dense
   * or not, any shape with the output's element order).
   */
  INDArray backward(
      PoolGeometry geometry,
      PoolMode mode,
      INDArray input,
      INDArray epsilon,
      LayerWorkspaceMgr workspaceMgr) {
    Key key = new Key(geometry, mode);
    OneDnnPooling pooling = primitives(key);
    if (pooling.needsWorkspace() && (input != lastTrainingInput || !key.equals(lastTrainingKey))) {
      INDArray scratch =
          workspaceMgr.createUninitialized(
              ArrayType.BP_WORKING_MEM, DataType.FLOAT, geometry.dstDims(), 'c');
      pooling.forward(OneDnn.dense(input), scratch, true);
      lastTrainingInput = input;
      lastTrainingKey = key;
      forwardsRepeated++;
    }
    INDArray inputGrad =
        workspaceMgr.createUninitialized(
            ArrayType.ACTIVATION_GRAD, DataType.FLOAT, geometry.srcDims(), 'c');
    pooling.backward(OneDnn.dense(epsilon), inputGrad);
    return inputGrad;
  }

  /**
   * How many backward calls had to run the training forward again because the last one was not for
   * their input; zero in ordinary training ({@code OneDnnSubsamplingLayerTest}).
   */
  long forwardsRepeated() {
    return forwardsRepeated;
  }

  private OneDnnPooling primitives(Key key) {
    return primitives.computeIfAbsent(key, k -> new OneDnnPooling(k.geometry(), k.mode(), blocked));
  }
}
