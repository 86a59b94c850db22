package dev.musket.engine.train.loss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.LossExpression;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * DL4J's own gradient check on a small network whose output layer uses our losses: back-propagated
 * weight gradients, after the updater's division by the batch size, against finite differences of
 * the network's score. This checks the whole contract with DL4J (batch totals, mini-batch
 * averaging, activation back-propagation), not just each loss in isolation. A few losses cover the
 * kinds (per example, batch-reduced, on logits, other label shapes, composite), and a subset of the
 * weights, because every checked weight costs two forward passes; {@link LossGradientCheckTest}
 * checks every loss exhaustively.
 */
class NetworkGradientCheckTest {

  private static DataType savedType;
  private static DataType savedFloatType;

  @BeforeAll
  static void doublePrecision() {
    savedType = Nd4j.dataType();
    savedFloatType = Nd4j.defaultFloatingPointType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
  }

  @AfterAll
  static void restorePrecision() {
    Nd4j.setDefaultDataTypes(savedType, savedFloatType);
  }

  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource({
    "binary_crossentropy, SIGMOID",
    "sparse_categorical_crossentropy, SOFTMAX",
    "f1_loss, SIGMOID",
    "lovasz_loss, SIGMOID",
    "0.5*focal_loss+0.1*dice_loss+l2_loss, IDENTITY"
  })
  void backPropagationMatchesTheNetworkScore(String loss, Activation activation) {
    ILossFunction lossFunction =
        LossRegistry.withBuiltIns().build(LossExpression.parse(loss).expression());
    assertThat(check(lossFunction, activation, labels(loss, new Random(loss.hashCode()))))
        .as(loss)
        .isTrue();
  }

  @Test
  void theCheckCatchesAWrongGradient() {
    INDArray labels = labels("binary_crossentropy", new Random(1));
    assertThat(check(new DoubledGradient(), Activation.SIGMOID, labels)).isFalse();
  }

  /** Binary cross-entropy whose gradient is twice what it should be. */
  private static final class DoubledGradient extends KerasLoss {
    private static final long serialVersionUID = 1L;

    @Override
    public String kerasName() {
      return "doubled_gradient";
    }

    @Override
    protected Value evaluate(double[][] labels, double[][] output) {
      Value v = new BinaryCrossentropyLoss().evaluate(labels, output);
      for (double[] row : v.gradient()) {
        for (int j = 0; j < row.length; j++) {
          row[j] *= 2;
        }
      }
      return v;
    }
  }

  private static boolean check(ILossFunction loss, Activation activation, INDArray labels) {
    return LossGradients.networkCheck(loss, activation, labels);
  }

  private static INDArray labels(String loss, Random random) {
    double[][] y = new double[5][];
    for (int i = 0; i < 5; i++) {
      if (loss.startsWith("sparse_")) {
        y[i] = new double[] {random.nextInt(3)};
      } else if (loss.startsWith("categorical_")) {
        y[i] = new double[3];
        y[i][random.nextInt(3)] = 1;
      } else {
        y[i] = new double[] {random.nextInt(2), random.nextInt(2), random.nextInt(2)};
      }
    }
    return Nd4j.create(y);
  }
}
