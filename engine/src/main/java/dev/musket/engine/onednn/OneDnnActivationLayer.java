package dev.musket.engine.onednn;

import dev.musket.engine.runtime.ComputeBackend;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J's {@link ActivationLayer} configuration whose layer runs the activation forward and backward
 * as oneDNN element-wise primitives (cached per element count, {@link OneDnnEltwise}) instead of
 * libnd4j's ops. Same configuration and JSON apart from the class name, no parameters, same results
 * to float tolerance, at the kinks too ({@code OneDnnActivationLayerTest}). Covered: ReLU (also
 * with an upper bound), ReLU6, sigmoid, tanh, ELU with alpha 1 and swish ({@link EltwiseFunction});
 * any other function, non-float or non-dense input, and CUDA take DL4J's path. Build it from an
 * ordinary builder, {@code new OneDnnActivationLayer(new
 * ActivationLayer.Builder().activation(Activation.RELU6))}, or through {@code
 * FastDefaults.activation}.
 *
 * <p>Like DL4J's layer, it ignores a dropout set on it: DL4J's {@code ActivationLayer} never
 * applies one, and the same configuration must give the same results on either layer.
 */
public class OneDnnActivationLayer extends ActivationLayer {

  /** For JSON deserialisation. */
  protected OneDnnActivationLayer() {}

  public OneDnnActivationLayer(ActivationLayer.Builder builder) {
    super(builder);
  }

  /** Whether this layer runs {@code activation} on oneDNN (others keep DL4J's implementation). */
  public static boolean covers(IActivation activation) {
    return EltwiseFunction.of(activation) != null;
  }

  @Override
  public Layer instantiate(
      NeuralNetConfiguration conf,
      Collection<TrainingListener> trainingListeners,
      int layerIndex,
      INDArray layerParamsView,
      boolean initializeParams,
      DataType networkDataType) {
    return LayerInstances.wired(
        new Impl(conf, networkDataType),
        conf,
        trainingListeners,
        layerIndex,
        layerParamsView,
        initializer().init(conf, layerParamsView, initializeParams));
  }

  /**
   * DL4J's activation layer with forward and backward on oneDNN. DL4J's copies its input in the
   * training forward (its activation functions work in place, and backprop needs the input) and
   * again in backprop; this one writes its output and the input gradient to new arrays in the layer
   * workspaces and reads the input as it is, so neither copy is made.
   */
  public static final class Impl extends org.deeplearning4j.nn.layers.ActivationLayer {

    /** Primitives by element count. */
    private final Map<Long, OneDnnEltwise> primitives = new HashMap<>();

    /**
     * The layer's function on oneDNN, or null where DL4J's own path stays: a function oneDNN does
     * not compute exactly, or CUDA (a -Pcuda build: oneDNN's CPU engine cannot read device memory).
     */
    private final EltwiseFunction function;

    Impl(NeuralNetConfiguration conf, DataType dataType) {
      super(conf, dataType);
      function =
          ComputeBackend.isCuda()
              ? null
              : EltwiseFunction.of(
                  ((org.deeplearning4j.nn.conf.layers.ActivationLayer) conf.getLayer())
                      .getActivationFn());
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(false);
      OneDnnEltwise eltwise = primitives(input);
      if (eltwise == null) {
        return super.activate(training, workspaceMgr);
      }
      OneDnnPaths.taken(OneDnnPaths.ACTIVATION);
      INDArray out =
          workspaceMgr.createUninitialized(
              ArrayType.ACTIVATIONS, DataType.FLOAT, input.shape(), OneDnn.denseOrder(input));
      eltwise.forward(input, out);
      return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(
        INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
      assertInputSet(true);
      OneDnnEltwise eltwise = primitives(input);
      if (eltwise == null
          || epsilon.dataType() != DataType.FLOAT
          || !Arrays.equals(epsilon.shape(), input.shape())) {
        return super.backpropGradient(epsilon, workspaceMgr); // DL4J's path, and its errors
      }
      OneDnnPaths.taken(OneDnnPaths.ACTIVATION);
      char order = OneDnn.denseOrder(input);
      INDArray diffOut =
          OneDnn.denseOrder(epsilon) == order // same shape, same dense order: same offsets
              ? epsilon
              : workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsilon, order);
      INDArray diffIn =
          workspaceMgr.createUninitialized(
              ArrayType.ACTIVATION_GRAD, DataType.FLOAT, input.shape(), order);
      eltwise.backward(input, diffOut, diffIn);
      return new Pair<>(new DefaultGradient(), diffIn);
    }

    /** This call's primitives, or null for calls DL4J's own path must take. */
    private OneDnnEltwise primitives(INDArray in) {
      if (function == null
          || in.dataType() != DataType.FLOAT
          || in.isEmpty()
          || OneDnn.denseOrder(in) == 0) {
        return null;
      }
      return primitives.computeIfAbsent(in.length(), length -> new OneDnnEltwise(function, length));
    }
  }
}
