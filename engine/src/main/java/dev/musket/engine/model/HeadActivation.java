package dev.musket.engine.model;

import java.util.Locale;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Musket's {@code activation} of a head, and the loss a head gets when training names none.
 *
 * <p>Musket passes Keras activation names; {@code none} and {@code linear} mean no activation.
 */
public final class HeadActivation {

  private HeadActivation() {}

  /** The DL4J activation for a Keras/Musket activation name. */
  public static Activation parse(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "none", "linear", "identity" -> Activation.IDENTITY;
      case "softmax" -> Activation.SOFTMAX;
      case "sigmoid" -> Activation.SIGMOID;
      case "relu" -> Activation.RELU;
      case "tanh" -> Activation.TANH;
      case "softplus" -> Activation.SOFTPLUS;
      case "softsign" -> Activation.SOFTSIGN;
      case "elu" -> Activation.ELU;
      case "selu" -> Activation.SELU;
      case "hard_sigmoid" -> Activation.HARDSIGMOID;
      case "swish" -> Activation.SWISH;
      default ->
          throw new IllegalArgumentException(
              "unknown activation '"
                  + name
                  + "' (known: softmax, sigmoid, none, linear, relu, tanh, softplus, softsign, elu,"
                  + " selu, hard_sigmoid, swish)");
    };
  }

  /**
   * The loss matching an activation, as Musket's usual pairs: softmax with categorical
   * cross-entropy, sigmoid with binary cross-entropy, anything else with mean squared error.
   */
  public static LossFunction defaultLoss(Activation activation) {
    return switch (activation) {
      case SOFTMAX -> LossFunction.MCXENT;
      case SIGMOID -> LossFunction.XENT;
      default -> LossFunction.MSE;
    };
  }
}
