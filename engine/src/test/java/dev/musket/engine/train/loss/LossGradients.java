package dev.musket.engine.train.loss;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The two gradient checks every loss of this engine passes, built-in or project-defined: the loss's
 * own {@code computeGradient} against central finite differences of its batch total, and DL4J's
 * gradient check of a small network whose output layer uses the loss.
 */
final class LossGradients {

  static final double STEP = 1e-6;
  static final double TOLERANCE = 1e-6;

  private LossGradients() {}

  /**
   * Asserts that {@code d total / d preOutput} from {@code computeGradient} matches central
   * differences of {@code computeScore(average = false)} at every element, in double precision.
   */
  static void assertMatchesFiniteDifferences(
      String what,
      ILossFunction loss,
      INDArray labels,
      INDArray preOutput,
      IActivation activation) {
    // DL4J's activations back-propagate in place, so the loss gets a copy (as a layer's
    // preOutput, which it never reads again).
    INDArray analytic = loss.computeGradient(labels, preOutput.dup(), activation, null);

    assertThat(analytic.shape()).isEqualTo(preOutput.shape());
    assertThat(analytic.dataType()).isEqualTo(DataType.DOUBLE);
    for (int i = 0; i < preOutput.rows(); i++) {
      for (int j = 0; j < preOutput.columns(); j++) {
        double original = preOutput.getDouble(i, j);
        preOutput.putScalar(i, j, original + STEP);
        double plus = loss.computeScore(labels, preOutput, activation, null, false);
        preOutput.putScalar(i, j, original - STEP);
        double minus = loss.computeScore(labels, preOutput, activation, null, false);
        preOutput.putScalar(i, j, original);
        double numeric = (plus - minus) / (2 * STEP);
        double a = analytic.getDouble(i, j);
        assertThat(Math.abs(a - numeric))
            .as("d%s/dpreOutput[%d,%d] analytic %s numeric %s", what, i, j, a, numeric)
            .isLessThanOrEqualTo(TOLERANCE * (1 + Math.abs(numeric)));
      }
    }
  }

  /**
   * DL4J's own gradient check on a 3-4-3 network whose output layer uses {@code loss}: weight
   * gradients after the updater's division by the batch size against finite differences of the
   * network's score (5 examples, a subset of the weights). True when it passes.
   */
  static boolean networkCheck(ILossFunction loss, Activation activation, INDArray labels) {
    DataType savedType = Nd4j.dataType();
    DataType savedFloatType = Nd4j.defaultFloatingPointType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    try {
      MultiLayerNetwork net =
          new MultiLayerNetwork(
              new NeuralNetConfiguration.Builder()
                  .seed(3)
                  .dataType(DataType.DOUBLE)
                  .updater(new NoOp())
                  .list()
                  .layer(
                      new DenseLayer.Builder().nIn(3).nOut(4).activation(Activation.TANH).build())
                  .layer(
                      new OutputLayer.Builder()
                          .nIn(4)
                          .nOut(3)
                          .activation(activation)
                          .lossFunction(loss)
                          .build())
                  .build());
      net.init();
      INDArray input = Nd4j.rand(DataType.DOUBLE, 5, 3).subi(0.5).muli(2);
      return GradientCheckUtil.checkGradients(
          new GradientCheckUtil.MLNConfig()
              .net(net)
              .input(input)
              .labels(labels)
              .epsilon(1e-6)
              .maxRelError(1e-5)
              .minAbsoluteError(1e-9)
              .subset(true)
              .maxPerParam(3));
    } finally {
      Nd4j.setDefaultDataTypes(savedType, savedFloatType);
    }
  }
}
