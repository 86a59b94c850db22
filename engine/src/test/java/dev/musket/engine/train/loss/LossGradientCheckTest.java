package dev.musket.engine.train.loss;

import dev.musket.engine.config.LossExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Every loss's {@code computeGradient} against central finite differences of its batch total, in
 * double precision, through the sigmoid, softmax and identity activations.
 */
class LossGradientCheckTest {

  private static final int BATCH = 3;
  private static final int OUTPUTS = 3;

  private static final LossRegistry REGISTRY = LossRegistry.withBuiltIns();

  static Stream<Arguments> lossesAndActivations() {
    List<String> losses =
        List.of(
            "binary_crossentropy",
            "categorical_crossentropy",
            "sparse_categorical_crossentropy",
            "mse",
            "mae",
            "dice_loss",
            "jaccard_loss",
            "focal_loss",
            "f1_loss",
            "lovasz_loss",
            "log_loss",
            "iou_loss",
            "l2_loss",
            "binary_crossentropy+0.1*dice_loss",
            "0.5*focal_loss+2*jaccard_loss+f1_loss");
    List<Arguments> cases = new ArrayList<>();
    for (String loss : losses) {
      for (String activation : List.of("sigmoid", "softmax", "identity")) {
        cases.add(Arguments.of(loss, activation));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} through {1}")
  @MethodSource("lossesAndActivations")
  void analyticGradientMatchesFiniteDifferences(String name, String activationName) {
    ILossFunction loss = REGISTRY.build(LossExpression.parse(name).expression());
    IActivation activation = activation(activationName);
    Random random = new Random(name.hashCode() * 31L + activationName.hashCode());
    // ND4J's softmax costs milliseconds a call on a busy 2-core machine: one draw there, two
    // elsewhere.
    int trials = activationName.equals("softmax") ? 1 : 2;
    for (int trial = 0; trial < trials; trial++) {
      INDArray labels = labels(name, random);
      INDArray preOutput = preOutput(activationName, random);

      LossGradients.assertMatchesFiniteDifferences(name, loss, labels, preOutput, activation);
    }
  }

  private static IActivation activation(String name) {
    return switch (name) {
      case "sigmoid" -> new ActivationSigmoid();
      case "softmax" -> new ActivationSoftmax();
      default -> new ActivationIdentity();
    };
  }

  /** Logits for sigmoid/softmax; probabilities well inside (0, 1) for the identity. */
  private static INDArray preOutput(String activation, Random random) {
    double[][] x = new double[BATCH][OUTPUTS];
    for (double[] row : x) {
      for (int j = 0; j < OUTPUTS; j++) {
        row[j] =
            activation.equals("identity")
                ? 0.05 + 0.9 * random.nextDouble()
                : 1.5 * random.nextGaussian();
      }
    }
    return Nd4j.create(x);
  }

  private static INDArray labels(String loss, Random random) {
    if (loss.startsWith("sparse_")) {
      double[][] y = new double[BATCH][1];
      for (double[] row : y) {
        row[0] = random.nextInt(OUTPUTS);
      }
      return Nd4j.create(y);
    }
    double[][] y = new double[BATCH][OUTPUTS];
    for (double[] row : y) {
      if (loss.startsWith("categorical_")) {
        row[random.nextInt(OUTPUTS)] = 1;
      } else if (loss.equals("mse") || loss.equals("l2_loss")) {
        for (int j = 0; j < OUTPUTS; j++) {
          row[j] = random.nextDouble();
        }
      } else {
        for (int j = 0; j < OUTPUTS; j++) {
          row[j] = random.nextBoolean() ? 1 : 0;
        }
      }
    }
    return Nd4j.create(y);
  }
}
