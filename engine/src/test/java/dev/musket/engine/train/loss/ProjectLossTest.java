package dev.musket.engine.train.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.engine.config.LossExpression;
import dev.musket.engine.project.ProjectModules;
import dev.musket.engine.testing.TinyProjects;
import dev.musket.engine.train.NetworkFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * A loss from project code ({@code @Loss} in {@code modules/}, compiled for real) resolves by name
 * alone and in composites, passes the gradient checks the built-in losses pass, and survives a
 * saved network: saved by name, loadable without the project, trainable again once reattached.
 */
class ProjectLossTest {

  @TempDir static Path project;
  private static LossRegistry registry;

  @BeforeAll
  static void compileTheModule() throws IOException {
    TinyProjects.writeModule(project, "Scoring.java", TinyProjects.SCORING_MODULE);
    ProjectModules modules = ProjectModules.compile(project);
    assertThat(modules.problems()).isEmpty();
    registry = LossRegistry.withBuiltIns();
    ProjectLosses.register(modules, registry);
  }

  private static ILossFunction loss(String expression) {
    return registry.build(LossExpression.parse(expression).expression());
  }

  @Test
  void theProjectsLossIsKnownByNameCaseInsensitivelyAndNamesItsDefinition() {
    assertThat(registry.isKnown("Squared_Margin")).isTrue();
    ILossFunction loss = registry.resolve("squared_margin");
    assertThat(loss).isInstanceOf(ProjectLoss.class);
    assertThat(((ProjectLoss) loss).getDefinedBy())
        .isEqualTo("Scoring.squaredMargin (Scoring.java:9)");
    assertThat(loss("squared_margin+0.5*binary_crossentropy").name())
        .isEqualTo("squared_margin+0.5*binary_crossentropy");
  }

  @Test
  void itsValueIsTheSquaredMarginItDefines() {
    INDArray labels = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}});
    INDArray output = Nd4j.createFromArray(new double[][] {{0.9, 0.2}, {0.7, 0.5}});
    // margins 1 - t(2p - 1): 0.2, 0.4 | 1.4, 1.0 -> per example (0.04 + 0.16) / 2, (1.96 + 1) / 2
    double mean = ((0.04 + 0.16) / 2 + (1.96 + 1.0) / 2) / 2;

    double score =
        loss("squared_margin").computeScore(labels, output, new ActivationIdentity(), null, true);

    assertThat(score).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-12));
  }

  @ParameterizedTest(name = "{0} through {1}")
  @CsvSource({
    "squared_margin, sigmoid",
    "squared_margin, identity",
    "squared_margin+0.5*binary_crossentropy, sigmoid"
  })
  void itsGradientMatchesFiniteDifferences(String expression, String activation) {
    Random random = new Random(expression.hashCode());
    double[][] y = new double[3][3];
    double[][] x = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        y[i][j] = random.nextBoolean() ? 1 : 0;
        x[i][j] =
            activation.equals("identity")
                ? 0.05 + 0.9 * random.nextDouble()
                : 1.5 * random.nextGaussian();
      }
    }
    LossGradients.assertMatchesFiniteDifferences(
        expression,
        loss(expression),
        Nd4j.createFromArray(y),
        Nd4j.createFromArray(x),
        activation.equals("identity") ? new ActivationIdentity() : new ActivationSigmoid());
  }

  @Test
  void itPassesDl4jsGradientCheckInANetwork() {
    Random random = new Random(5);
    double[][] y = new double[5][3];
    for (double[] row : y) {
      for (int j = 0; j < 3; j++) {
        row[j] = random.nextInt(2);
      }
    }
    assertThat(
            LossGradients.networkCheck(
                loss("squared_margin"), Activation.SIGMOID, Nd4j.createFromArray(y)))
        .isTrue();
  }

  @Test
  void aSavedNetworkKeepsItByNameAndTrainsAgainOnceReattached(@TempDir Path dir)
      throws IOException {
    ComputationGraph network = network(loss("squared_margin+0.5*binary_crossentropy"));
    INDArray input = Nd4j.rand(DataType.FLOAT, 4, 3);
    INDArray labels = Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}, {1, 1}, {0, 0}});
    network.setInputs(input);
    network.setLabels(labels);
    network.computeGradientAndScore();
    double before = network.score();
    Path file = dir.resolve("best-0.0.weights");
    NetworkFiles.save(network, file, false);

    ComputationGraph loaded = NetworkFiles.load(file);
    WeightedSumLoss saved = (WeightedSumLoss) outputLoss(loaded);
    ProjectLoss savedTerm = (ProjectLoss) saved.getLosses()[0];
    assertThat(savedTerm.isBound()).as("loaded without the project").isFalse();
    assertThat(loaded.output(input)[0].shape()).containsExactly(4, 2);
    loaded.setInputs(input);
    loaded.setLabels(labels);
    assertThatThrownBy(loaded::computeGradientAndScore)
        .hasMessageContaining("project loss 'squared_margin' (Scoring.squaredMargin");

    ProjectLosses.reattach(loaded, registry);
    loaded.computeGradientAndScore();

    assertThat(savedTerm.isBound()).isTrue();
    assertThat(loaded.score()).isCloseTo(before, org.assertj.core.data.Offset.offset(1e-6));
  }

  private static ComputationGraph network(ILossFunction loss) {
    var conf =
        new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()
            .seed(1)
            .updater(new NoOp())
            .graphBuilder()
            .addInputs("in")
            .addLayer(
                "dense",
                new DenseLayer.Builder().nIn(3).nOut(4).activation(Activation.TANH).build(),
                "in")
            .addLayer(
                "out",
                new OutputLayer.Builder()
                    .nIn(4)
                    .nOut(2)
                    .activation(Activation.SIGMOID)
                    .lossFunction(loss)
                    .build(),
                "dense")
            .setOutputs("out")
            .build();
    ComputationGraph network = new ComputationGraph(conf);
    network.init();
    return network;
  }

  private static ILossFunction outputLoss(ComputationGraph network) {
    return ((OutputLayer) network.getLayer("out").conf().getLayer()).getLossFn();
  }
}
