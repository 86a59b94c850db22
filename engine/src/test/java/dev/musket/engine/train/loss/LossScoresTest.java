package dev.musket.engine.train.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Scores against values worked out by hand from the Keras/Musket formulas, read as DL4J reads them
 * ({@code computeScore(average=true)} is what a layer reports, the Keras batch value).
 */
class LossScoresTest {

  private static final IActivation IDENTITY = new ActivationIdentity();
  private static final LossRegistry REGISTRY = LossRegistry.withBuiltIns();

  /** One example: target [1, 0], prediction [0.8, 0.4]. */
  private static final double[][] Y = {{1, 0}};

  private static final double[][] P = {{0.8, 0.4}};

  private static double score(String loss, double[][] y, double[][] p) {
    ILossFunction f = REGISTRY.resolve(loss);
    return f.computeScore(Nd4j.create(y), Nd4j.create(p), IDENTITY, null, true);
  }

  @Test
  void binaryCrossentropyAveragesOverOutputs() {
    double expected = (-Math.log(0.8) - Math.log(0.6)) / 2; // 0.366985
    assertThat(score("binary_crossentropy", Y, P)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void binaryCrossentropyClipsAtKerasEpsilon() {
    double expected = (-Math.log(1e-7) + 0) / 2;
    assertThat(score("binary_crossentropy", new double[][] {{1, 0}}, new double[][] {{0, 0}}))
        .isCloseTo(expected - Math.log(1 - 1e-7) / 2, within(1e-9));
  }

  @Test
  void categoricalCrossentropyRescalesOutputsToSumToOne() {
    double expected = -Math.log(0.7);
    assertThat(
            score(
                "categorical_crossentropy",
                new double[][] {{0, 1, 0}},
                new double[][] {{0.2, 0.7, 0.1}}))
        .isCloseTo(expected, within(1e-12));
    assertThat(
            score(
                "categorical_crossentropy",
                new double[][] {{0, 1, 0}},
                new double[][] {{0.4, 1.4, 0.2}}))
        .isCloseTo(expected, within(1e-12));
  }

  @Test
  void sparseCategoricalCrossentropyTakesClassIndices() {
    assertThat(
            score(
                "sparse_categorical_crossentropy",
                new double[][] {{1}, {0}},
                new double[][] {{0.2, 0.7, 0.1}, {0.5, 0.25, 0.25}}))
        .isCloseTo((-Math.log(0.7) - Math.log(0.5)) / 2, within(1e-12));
  }

  @Test
  void meanErrorsAverageOverOutputs() {
    assertThat(score("mae", Y, P)).isCloseTo(0.3, within(1e-12));
    assertThat(score("MSE", Y, P)).isCloseTo(0.1, within(1e-7));
    assertThat(score("mean_squared_error", Y, P)).isCloseTo(0.1, within(1e-7));
  }

  @Test
  void diceLossIsOneMinusTheSmoothedSoftDice() {
    // I = 0.8, sum of squares = 1 + 0.64 + 0.16 = 1.8; (2*0.8 + 1) / (1.8 + 1)
    assertThat(score("dice_loss", Y, P)).isCloseTo(1 - 2.6 / 2.8, within(1e-12));
  }

  @Test
  void jaccardLossUsesSmoothOneHundred() {
    // I = 0.8, S = 2.2; (1 - 100.8 / 101.4) * 100
    assertThat(score("jaccard_loss", Y, P)).isCloseTo((1 - 100.8 / 101.4) * 100, within(1e-10));
  }

  @Test
  void focalLossIsSummedOverTheBatch() {
    double one = -0.25 * 0.04 * Math.log(0.8) - 0.75 * 0.16 * Math.log(0.6); // 0.0635305
    double[][] twoY = {{1, 0}, {1, 0}};
    double[][] twoP = {{0.8, 0.4}, {0.8, 0.4}};
    assertThat(score("focal_loss", Y, P)).isCloseTo(one, within(1e-12));
    assertThat(score("focal_loss", twoY, twoP)).isCloseTo(2 * one, within(1e-12));
  }

  @Test
  void f1LossIsOneMinusTheSoftF1OverTheBatch() {
    // tp 0.8, fp 0.4, fn 0.2: precision 2/3, recall 0.8, F1 = 8/11
    assertThat(score("f1_loss", new double[][] {{1}, {0}}, new double[][] {{0.8}, {0.4}}))
        .isCloseTo(1 - 8.0 / 11, within(1e-6));
  }

  @Test
  void logLossIgnoresNegativeOutputs() {
    assertThat(score("log_loss", Y, P)).isCloseTo(-Math.log(0.8), within(1e-12));
  }

  @Test
  void iouLossIsTheNegatedMusketIouCoefficient() {
    // -2 (0.8 + 1) / (1 + 1.2 + 1)
    assertThat(score("iou_loss", Y, P)).isCloseTo(-1.125, within(1e-12));
  }

  @Test
  void l2LossIsASumOverTheBatch() {
    assertThat(score("l2_loss", Y, P)).isCloseTo(0.2, within(1e-12));
    assertThat(score("l2_loss", new double[][] {{1, 0}, {1, 0}}, new double[][] {P[0], P[0]}))
        .isCloseTo(0.4, within(1e-12));
  }

  @Test
  void lovaszHingeOnLogitsFollowsTheSortedErrors() {
    // one output, logit 0.5, target 1: error 0.5, weight 1
    assertThat(score("lovasz_loss", new double[][] {{1}}, new double[][] {{0.5}}))
        .isCloseTo(0.5, within(1e-12));
    // errors [-1, 1.5] sorted [1.5 (negative), -1 (positive)]: weights [0.5, 0.5]
    assertThat(score("lovasz_loss", new double[][] {{1, 0}}, new double[][] {{2, 0.5}}))
        .isCloseTo(0.75 + Math.expm1(-1) * 0.5, within(1e-12));
  }

  @Test
  void lovaszReadsLogitsWhateverTheActivation() {
    ILossFunction lovasz = REGISTRY.resolve("lovasz_loss");
    INDArray y = Nd4j.create(new double[][] {{1}});
    INDArray x = Nd4j.create(new double[][] {{0.5}});
    assertThat(lovasz.computeScore(y, x, new ActivationSigmoid(), null, true))
        .isCloseTo(0.5, within(1e-12));
  }

  @Test
  void perExampleScoresSumToTheTotal() {
    ILossFunction bce = REGISTRY.resolve("binary_crossentropy");
    INDArray y = Nd4j.create(new double[][] {{1, 0}, {0, 1}});
    INDArray p = Nd4j.create(new double[][] {{0.8, 0.4}, {0.3, 0.9}});
    INDArray perExample = bce.computeScoreArray(y, p, IDENTITY, null);
    assertThat(perExample.shape()).containsExactly(2, 1);
    assertThat(perExample.sumNumber().doubleValue())
        .isCloseTo(bce.computeScore(y, p, IDENTITY, null, false), within(1e-12));
  }

  @Test
  void floatNetworksGetFloatGradientsAndScores() {
    ILossFunction focal = REGISTRY.resolve("focal_loss");
    INDArray y = Nd4j.create(new float[][] {{1, 0}});
    INDArray p = Nd4j.create(new float[][] {{0.8f, 0.4f}});
    assertThat(focal.computeGradient(y, p, IDENTITY, null).dataType()).isEqualTo(DataType.FLOAT);
    assertThat(focal.computeScoreArray(y, p, IDENTITY, null).dataType()).isEqualTo(DataType.FLOAT);
    assertThat(focal.computeScore(y, p, IDENTITY, null, true)).isCloseTo(0.0635305, within(1e-6));
  }

  @Test
  void aPerExampleMaskRemovesMaskedExamples() {
    ILossFunction mae = REGISTRY.resolve("mae");
    INDArray y = Nd4j.create(new double[][] {{1, 0}, {0, 1}});
    INDArray p = Nd4j.create(new double[][] {{0.8, 0.4}, {0.3, 0.9}});
    INDArray mask = Nd4j.create(new double[][] {{1}, {0}});
    assertThat(mae.computeScore(y, p, IDENTITY, mask, false)).isCloseTo(0.3, within(1e-12));
    assertThat(mae.computeGradient(y, p, IDENTITY, mask).getRow(1).sumNumber().doubleValue())
        .isZero();
  }
}
