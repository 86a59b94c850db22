package dev.musket.engine.train.loss;

/**
 * The small numerical conventions of the Keras 2.2.4 TensorFlow backend that the losses copy: its
 * fuzz factor and the gradient of {@code tf.clip_by_value} (zero outside the range, passed through
 * on its bounds).
 */
final class KerasBackend {

  /** {@code keras.backend.epsilon()}. */
  static final double EPSILON = 1e-7;

  private KerasBackend() {}

  static double clip(double x, double lo, double hi) {
    return Math.min(Math.max(x, lo), hi);
  }

  /** The factor {@code tf.clip_by_value} passes to the gradient: 1 inside [lo, hi], else 0. */
  static double clipGradient(double x, double lo, double hi) {
    return x < lo || x > hi ? 0 : 1;
  }

  /** TensorFlow's {@code sign}: 0 at 0, which is also the gradient it gives {@code abs} there. */
  static double sign(double x) {
    return Math.signum(x);
  }
}
