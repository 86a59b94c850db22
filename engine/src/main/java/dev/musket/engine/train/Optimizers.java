package dev.musket.engine.train;

import java.util.Locale;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Keras optimizers by name, with Keras 2.2's defaults (which Musket used), as DL4J updaters.
 *
 * <p>The defaults differ between the libraries, and a silent difference changes results: Keras'
 * epsilon is 1e-7 where DL4J's is 1e-8, and Keras' RMSprop decays with rho 0.9 where DL4J uses
 * 0.95. Keras' {@code clipnorm} clips each gradient tensor's L2 norm, which is DL4J's
 * per-parameter-type clipping; {@code clipvalue} clips element-wise. DL4J applies one clipping mode
 * per network, so when a config sets both, {@code clipnorm} wins (validation warns about it).
 */
public final class Optimizers {

  /** Keras' backend epsilon. */
  static final double KERAS_EPSILON = 1e-7;

  /** AdamW's decoupled weight decay when the config sets none (PyTorch's default). */
  static final double ADAMW_WEIGHT_DECAY = 0.01;

  private Optimizers() {}

  /**
   * @param name a Keras optimizer name (validated by the schema; matched case-insensitively)
   * @throws IllegalArgumentException for a name the schema does not know (a bug: validate first)
   */
  public static OptimizerSettings settings(
      String name, double lr, Double clipnorm, Double clipvalue) {
    String key = name == null ? "adam" : name.toLowerCase(Locale.ROOT);
    IUpdater updater =
        switch (key) {
          case "sgd" -> new Sgd(lr);
          case "adam", "adamw" -> new Adam(lr, 0.9, 0.999, KERAS_EPSILON);
          case "rmsprop" -> new RmsProp(lr, 0.9, KERAS_EPSILON);
          case "nadam" -> new Nadam(lr, 0.9, 0.999, KERAS_EPSILON);
          case "adamax" -> new AdaMax(lr, 0.9, 0.999, KERAS_EPSILON);
          case "adagrad" -> new AdaGrad(lr, KERAS_EPSILON);
            // Keras' Adadelta scales its update by lr (default 1.0); DL4J's has no learning rate.
          case "adadelta" -> new AdaDelta();
          default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'");
        };
    GradientNormalization clipping = GradientNormalization.None;
    double threshold = 1.0;
    if (clipnorm != null) {
      clipping = GradientNormalization.ClipL2PerParamType;
      threshold = clipnorm;
    } else if (clipvalue != null) {
      clipping = GradientNormalization.ClipElementWiseAbsoluteValue;
      threshold = clipvalue;
    }
    double weightDecay = key.equals("adamw") ? ADAMW_WEIGHT_DECAY : 0;
    return new OptimizerSettings(updater, clipping, threshold, weightDecay);
  }
}
