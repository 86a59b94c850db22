package dev.musket.engine.onednn;

import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU6;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSwish;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/**
 * The oneDNN element-wise algorithm (with its alpha and beta) that computes exactly what a DL4J
 * activation function computes, forward and backward, including the gradient at the kinks ({@code
 * OneDnnActivationLayerTest} feeds the boundary values themselves). {@link #of} answers {@code
 * null} for every function, or setting of one, that has no exact oneDNN counterpart; such layers
 * keep DL4J's implementation.
 */
record EltwiseFunction(algorithm kind, float alpha, float beta) {

  /** The oneDNN counterpart of {@code activation}, or {@code null} if it has none. */
  static EltwiseFunction of(IActivation activation) {
    if (activation instanceof ActivationReLU relu) {
      return relu(relu);
    }
    if (activation instanceof ActivationReLU6) {
      // DL4J: min(max(x, 0), 6); gradient 1 strictly inside (0, 6), 0 at both ends, which is
      // clip_v2's (clip's gradient is 1 at the upper end)
      return new EltwiseFunction(algorithm.eltwise_clip_v2, 0f, 6f);
    }
    // Not leaky ReLU: DL4J's gradient is 1 at x = 0 (LeakyReLUBp: x >= 0), oneDNN's relu with a
    // negative slope gives the slope there (s > 0), with no variant that agrees; an input of
    // exactly
    // 0 is common enough (zero padding, black borders) for that to change training.
    if (activation instanceof ActivationSigmoid) {
      return new EltwiseFunction(algorithm.eltwise_logistic, 0f, 0f);
    }
    if (activation instanceof ActivationTanH) {
      return new EltwiseFunction(algorithm.eltwise_tanh, 0f, 0f);
    }
    if (activation instanceof ActivationELU elu && elu.getAlpha() == 1.0) {
      // DL4J's ELU backward ignores alpha (EluBp is called without it), so only alpha = 1 has a
      // gradient that agrees with DL4J's forward, and only that one is taken
      return new EltwiseFunction(algorithm.eltwise_elu, 1f, 0f);
    }
    if (activation instanceof ActivationSwish) {
      // DL4J's swish is x * sigmoid(x): oneDNN's with beta (its alpha) 1
      return new EltwiseFunction(algorithm.eltwise_swish, 1f, 0f);
    }
    return null;
  }

  /**
   * DL4J's ReLU has optional settings: only the plain one maps (no threshold or negative slope; an
   * optional upper bound, with gradient 0 at the bound as DL4J's {@code in.lt(max)} mask) maps.
   */
  private static EltwiseFunction relu(ActivationReLU relu) {
    // with a threshold or slope set (even to 0) DL4J computes another way (LeakyReLU ops)
    if (relu.getThreshold() != null || relu.getNegativeSlope() != null) {
      return null;
    }
    Double max = relu.getMax();
    if (max == null || max == 0.0) {
      // DL4J skips the upper bound for max = 0 in the backward pass but not in the forward one
      return max == null ? new EltwiseFunction(algorithm.eltwise_relu, 0f, 0f) : null;
    }
    return max > 0 ? new EltwiseFunction(algorithm.eltwise_clip_v2, 0f, max.floatValue()) : null;
  }
}
