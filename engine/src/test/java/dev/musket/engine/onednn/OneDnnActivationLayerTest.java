package dev.musket.engine.onednn;

import static dev.musket.engine.onednn.LayerFixtures.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.model.ModelSummary;
import dev.musket.engine.runtime.FastDefaults;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The engine's oneDNN activation layer must compute what DL4J's {@code ActivationLayer} computes:
 * the same output and input gradient for every function it covers, at the kinks too (inputs of
 * exactly 0, 6 and the upper bound, where the gradient convention decides), for NCHW and 2-D
 * inputs, odd sizes, C and F order; the same training in a network with workspaces and {@code
 * CacheMode.HOST}; and functions it does not cover must still give DL4J's results.
 */
// the oneDNN CPU path: not used, and not there to test, in a -Pcuda build
@DisabledIf("dev.musket.engine.runtime.ComputeBackend#cudaOnClasspath")
class OneDnnActivationLayerTest {

  /** Values at which a gradient convention shows: the kinks of ReLU, ReLU6 and the bound 3.5. */
  private static final float[] KINKS = {0f, 6f, -0f, 3.5f, 1e-7f, -1e-7f, 5.9999995f, 6.0000005f};

  static Stream<Arguments> functions() {
    return Stream.of(
        Arguments.of("relu", Activation.RELU.getActivationFunction()),
        Arguments.of("relu6", Activation.RELU6.getActivationFunction()),
        Arguments.of("relu max 3.5", new ActivationReLU(3.5, null, null)),
        Arguments.of("sigmoid", Activation.SIGMOID.getActivationFunction()),
        Arguments.of("tanh", Activation.TANH.getActivationFunction()),
        Arguments.of("elu", Activation.ELU.getActivationFunction()),
        Arguments.of("swish", Activation.SWISH.getActivationFunction()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void matchesDl4jOnNchwInputsWithOddSizesAndTheKinks(String name, IActivation function) {
    assertThat(OneDnnActivationLayer.covers(function)).as("covered").isTrue();
    assertSameAsDl4j(function, withKinks(Nd4j.randn(DataType.FLOAT, 3, 5, 7, 9).muli(4)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void matchesDl4jOn2dInputsInBothOrders(String name, IActivation function) {
    INDArray c = withKinks(Nd4j.randn(DataType.FLOAT, 6, 13).muli(4));
    assertSameAsDl4j(function, c);
    // a dense layer's output is F-ordered; an F-ordered gradient with a C-ordered input too
    assertSameAsDl4j(function, c.dup('f'));
  }

  @Test
  void aGradientInAnotherOrderThanTheInputIsPairedElementByElement() {
    IActivation relu6 = Activation.RELU6.getActivationFunction();
    INDArray x = withKinks(Nd4j.randn(DataType.FLOAT, 4, 3, 5, 5).muli(4));
    INDArray eps = Nd4j.randn(DataType.FLOAT, 4, 3, 5, 5).dup('f');
    Layer dl4j = layer(new ActivationLayer.Builder().activation(relu6).build());
    Layer engine =
        layer(new OneDnnActivationLayer(new ActivationLayer.Builder().activation(relu6)));
    LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
    dl4j.activate(x.dup(), true, none);
    engine.activate(x.dup(), true, none);
    assertClose(
        "input gradient",
        engine.backpropGradient(eps.dup('f'), none).getSecond(),
        dl4j.backpropGradient(eps.dup('f'), none).getSecond());
  }

  @Test
  void takesTheOneDnnPathForwardAndBackward() {
    Layer engine =
        layer(new OneDnnActivationLayer(new ActivationLayer.Builder().activation(Activation.RELU)));
    assertThat(engine).isInstanceOf(OneDnnActivationLayer.Impl.class);
    long before = OneDnnPaths.count(OneDnnPaths.ACTIVATION);
    LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
    engine.activate(Nd4j.randn(DataType.FLOAT, 2, 3, 4, 4), true, none);
    engine.backpropGradient(Nd4j.randn(DataType.FLOAT, 2, 3, 4, 4), none);
    assertThat(OneDnnPaths.count(OneDnnPaths.ACTIVATION)).isEqualTo(before + 2);
  }

  @Test
  void functionsOneDnnDoesNotCoverKeepDl4jsResults() {
    IActivation softplus = Activation.SOFTPLUS.getActivationFunction();
    assertThat(OneDnnActivationLayer.covers(softplus)).isFalse();
    assertThat(OneDnnActivationLayer.covers(new ActivationELU(0.5))).isFalse();
    assertThat(OneDnnActivationLayer.covers(new ActivationReLU(null, 0.5, null))).isFalse();
    // oneDNN's gradient at exactly 0 is the slope, DL4J's is 1
    assertThat(OneDnnActivationLayer.covers(new ActivationLReLU(0.2))).isFalse();
    assertThat(FastDefaults.activation(new ActivationLayer.Builder().activation(softplus)))
        .isNotInstanceOf(OneDnnActivationLayer.class);
    long before = OneDnnPaths.count(OneDnnPaths.ACTIVATION);
    assertSameAsDl4j(softplus, Nd4j.randn(DataType.FLOAT, 2, 3, 5, 5));
    assertThat(OneDnnPaths.count(OneDnnPaths.ACTIVATION)).isEqualTo(before);
  }

  /**
   * DL4J's ActivationLayer never applies a dropout set on it; the engine's layer must not either.
   */
  @ParameterizedTest(name = "dropout {0}")
  @ValueSource(doubles = {0.0, 0.5})
  void trainsAsDl4jsLayerInAConvolutionalNetwork(double dropout) {
    Function<ActivationLayer.Builder, ActivationLayer> dl4j = ActivationLayer.Builder::build;
    ComputationGraph reference = convNetwork(Activation.RELU6, dropout, dl4j);
    ComputationGraph engine = convNetwork(Activation.RELU6, dropout, OneDnnActivationLayer::new);
    engine.setParams(reference.params().dup());
    Nd4j.getRandom().setSeed(3);
    INDArray x = Nd4j.randn(DataType.FLOAT, 4, 3, 7, 7).muli(3);
    INDArray y = Nd4j.randn(DataType.FLOAT, 4, 5);
    assertEquivalentTraining(reference, engine, x, y);
  }

  @Test
  void trainsAsDl4jsLayerAfterADenseLayer() {
    Function<ActivationLayer.Builder, ActivationLayer> dl4j = ActivationLayer.Builder::build;
    ComputationGraph reference = denseNetwork(dl4j);
    ComputationGraph engine = denseNetwork(OneDnnActivationLayer::new);
    engine.setParams(reference.params().dup());
    Nd4j.getRandom().setSeed(4);
    INDArray x = Nd4j.randn(DataType.FLOAT, 6, 10).muli(2);
    INDArray y = Nd4j.randn(DataType.FLOAT, 6, 5);
    assertEquivalentTraining(reference, engine, x, y);
  }

  @Test
  void survivesAJsonRoundTripAndTheSummaryShowsActivationLayer() {
    ComputationGraphConfiguration engine =
        convNetwork(Activation.RELU, 0, FastDefaults::activation).getConfiguration();
    ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(engine.toJson());
    assertThat(back).isEqualTo(engine);
    ComputationGraphConfiguration dl4j =
        convNetwork(Activation.RELU, 0, ActivationLayer.Builder::build).getConfiguration();
    InputType input = InputType.convolutional(7, 7, 3, FastDefaults.DATA_FORMAT);
    assertThat(ModelSummary.of(engine, input)).isEqualTo(ModelSummary.of(dl4j, input));
    assertThat(ModelSummary.of(engine, input).rows())
        .filteredOn(row -> row.name().equals("act"))
        .singleElement()
        .extracting(ModelSummary.Row::type)
        .isEqualTo("ActivationLayer");
  }

  @Test
  void aSavedModelRestoresToTheSameLayerAndOutput() throws IOException {
    ComputationGraph trained = convNetwork(Activation.RELU6, 0, FastDefaults::activation);
    Nd4j.getRandom().setSeed(5);
    INDArray x = Nd4j.randn(DataType.FLOAT, 2, 3, 7, 7).muli(3);
    trained.fit(new DataSet(x, Nd4j.randn(DataType.FLOAT, 2, 5)));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(trained, bytes, true);
    ComputationGraph restored =
        ModelSerializer.restoreComputationGraph(
            new ByteArrayInputStream(bytes.toByteArray()), true);

    assertThat(restored.getConfiguration()).isEqualTo(trained.getConfiguration());
    assertThat(restored.getLayer("act")).isInstanceOf(OneDnnActivationLayer.Impl.class);
    assertThat(restored.params()).isEqualTo(trained.params());
    assertClose("restored output", restored.outputSingle(x), trained.outputSingle(x));
  }

  /** Output (training and inference mode) and input gradient of one layer against DL4J's. */
  private static void assertSameAsDl4j(IActivation function, INDArray x) {
    Layer dl4j = layer(new ActivationLayer.Builder().activation(function).build());
    Layer engine =
        layer(new OneDnnActivationLayer(new ActivationLayer.Builder().activation(function)));
    LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
    // DL4J's layer overwrites its input in inference: each gets its own copy
    assertClose(
        "inference output",
        engine.activate(x.dup(x.ordering()), false, none),
        dl4j.activate(x.dup(x.ordering()), false, none));
    INDArray input = x.dup(x.ordering());
    INDArray output = engine.activate(input, true, none);
    assertClose("training output", output, dl4j.activate(x.dup(x.ordering()), true, none));
    assertThat(input).as("the input is left as it was").isEqualTo(x);

    INDArray eps = Nd4j.randn(DataType.FLOAT, x.shape()).dup(x.ordering());
    INDArray engineGrad = engine.backpropGradient(eps.dup(x.ordering()), none).getSecond();
    INDArray dl4jGrad = dl4j.backpropGradient(eps.dup(x.ordering()), none).getSecond();
    assertClose("input gradient", engineGrad, dl4jGrad);
    assertThat(input).as("the input is left as it was after backprop").isEqualTo(x);
  }

  /** The first elements (in storage order) replaced by the kinks. */
  private static INDArray withKinks(INDArray x) {
    INDArray flat = x.reshape(x.ordering(), new long[] {x.length()});
    for (int i = 0; i < KINKS.length; i++) {
      flat.putScalar(i, KINKS[i]);
    }
    return x;
  }

  private static Layer layer(org.deeplearning4j.nn.conf.layers.Layer layerConf) {
    NeuralNetConfiguration conf =
        new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).layer(layerConf).build();
    return conf.getLayer().instantiate(conf, null, 0, null, false, DataType.FLOAT);
  }

  private static void assertEquivalentTraining(
      ComputationGraph reference, ComputationGraph engine, INDArray x, INDArray y) {
    long before = OneDnnPaths.count(OneDnnPaths.ACTIVATION);
    assertClose(
        "training-mode output", engine.outputSingle(true, x), reference.outputSingle(true, x));
    for (ComputationGraph net : new ComputationGraph[] {reference, engine}) {
      net.setInputs(x);
      net.setLabels(y);
      net.computeGradientAndScore();
    }
    assertClose("all gradients", engine.gradient().gradient(), reference.gradient().gradient());
    assertThat(engine.score())
        .isCloseTo(reference.score(), org.assertj.core.data.Offset.offset(1e-4));
    for (int step = 0; step < 2; step++) {
      reference.fit(new DataSet(x, y));
      engine.fit(new DataSet(x, y));
    }
    assertClose("parameters after two SGD steps", engine.params(), reference.params());
    assertClose(
        "inference output", engine.outputSingle(false, x), reference.outputSingle(false, x));
    assertThat(engine.getLayer("act")).isInstanceOf(OneDnnActivationLayer.Impl.class);
    assertThat(OneDnnPaths.count(OneDnnPaths.ACTIVATION)).as("oneDNN calls").isGreaterThan(before);
  }

  /** conv -> activation -> conv (which checks the activation's input gradient) -> pool -> out. */
  private static ComputationGraph convNetwork(
      Activation activation,
      double dropout,
      Function<ActivationLayer.Builder, ActivationLayer> make) {
    ActivationLayer.Builder act = new ActivationLayer.Builder().activation(activation);
    if (dropout > 0) {
      act.dropOut(1 - dropout);
    }
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .seed(11)
            .updater(new Sgd(0.1))
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.convolutional(7, 7, 3, FastDefaults.DATA_FORMAT))
            .addLayer("conv1", conv(6), "in")
            .addLayer("act", make.apply(act), "conv1")
            .addLayer("conv2", conv(4), "act")
            .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv2")
            .addLayer("out", output(), "gap")
            .setOutputs("out")
            .build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return net;
  }

  private static ComputationGraph denseNetwork(
      Function<ActivationLayer.Builder, ActivationLayer> make) {
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .seed(17)
            .updater(new Sgd(0.1))
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.feedForward(10))
            .addLayer(
                "dense",
                new DenseLayer.Builder().nOut(12).activation(Activation.IDENTITY).build(),
                "in")
            .addLayer(
                "act",
                make.apply(new ActivationLayer.Builder().activation(Activation.RELU)),
                "dense")
            .addLayer(
                "dense2",
                new DenseLayer.Builder().nOut(8).activation(Activation.IDENTITY).build(),
                "act")
            .addLayer("out", output(), "dense2")
            .setOutputs("out")
            .build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return net;
  }

  private static ConvolutionLayer conv(int out) {
    return new ConvolutionLayer.Builder(3, 3)
        .padding(1, 1)
        .nOut(out)
        .activation(Activation.IDENTITY)
        .dataFormat(FastDefaults.DATA_FORMAT)
        .build();
  }

  private static OutputLayer output() {
    return new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
        .nOut(5)
        .activation(Activation.IDENTITY)
        .build();
  }
}
