package dev.musket.engine.train.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Why some Keras losses are our own and one is DL4J's: these pin the DL4J 1.0.0-M2.1 behaviour the
 * choice rests on, so an upgrade that changes it shows up here.
 */
class Dl4jBuiltInsTest {

  private static final ActivationIdentity IDENTITY = new ActivationIdentity();
  private static final INDArray Y = Nd4j.create(new double[][] {{1, 0}, {0, 1}});
  private static final INDArray P = Nd4j.create(new double[][] {{0.8, 0.4}, {0.3, 0.9}});

  @Test
  void dl4jBinaryCrossentropySumsWhereKerasAverages() {
    double keras = new BinaryCrossentropyLoss().computeScore(Y, P, IDENTITY, null, true);
    double dl4j = new LossBinaryXENT().computeScore(Y, P, IDENTITY, null, true);
    assertThat(dl4j).isCloseTo(2 * keras, within(1e-9));
  }

  @Test
  void dl4jMaePerExampleScoresDisagreeWithItsTotal() {
    INDArray perExample = new LossMAE().computeScoreArray(Y, P, IDENTITY, null);
    double total = new LossMAE().computeScore(Y, P, IDENTITY, null, false);
    assertThat(perExample.sumNumber().doubleValue()).isCloseTo(2 * total, within(1e-9));
    assertThat(
            new MeanAbsoluteErrorLoss()
                .computeScoreArray(Y, P, IDENTITY, null)
                .sumNumber()
                .doubleValue())
        .isCloseTo(total, within(1e-12));
  }

  @Test
  void dl4jMseIsKerasMse() {
    double expected = ((0.04 + 0.16) / 2 + (0.09 + 0.01) / 2) / 2;
    assertThat(new LossMSE().computeScore(Y, P, IDENTITY, null, true))
        .isCloseTo(expected, within(1e-12));
    assertThat(new MeanSquaredErrorLoss().computeScoreArray(Y, P, IDENTITY, null).getDouble(1, 0))
        .isCloseTo(0.05, within(1e-12));
  }
}
