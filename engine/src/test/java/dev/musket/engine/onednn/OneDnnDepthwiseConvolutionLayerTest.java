package dev.musket.engine.onednn;

import static dev.musket.engine.onednn.LayerFixtures.assertClose;
import static dev.musket.engine.onednn.LayerFixtures.instantiate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.model.ModelSummary;
import dev.musket.engine.runtime.FastDefaults;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Function;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The engine's depthwise convolution must compute what DL4J's own {@code DepthwiseConvolution2D}
 * computes: the same layer built twice (DL4J's, then {@link OneDnnDepthwiseConvolutionLayer}) with
 * the same parameters gives the same output, input gradient and parameter gradients on random
 * inputs, to float tolerance, for odd and even sizes, strides 1 and 2, Same and Truncate modes
 * (Same with stride 2 pads the odd row at the bottom only, as TensorFlow does), depth multipliers 1
 * and 2, and non-square kernels and strides. In a network with CacheMode.HOST and workspaces, the
 * gradients, the score and the parameters after one SGD step match too, and a saved model restores
 * to the same layer with the same output.
 */
// the oneDNN CPU path: not used, and not there to test, in a -Pcuda build
@DisabledIf("dev.musket.engine.runtime.ComputeBackend#cudaOnClasspath")
class OneDnnDepthwiseConvolutionLayerTest {

  @ParameterizedTest(
      name = "{0}x{1} stride {2}x{3} pad {4} {5}, multiplier {6}, bias {7}, {8}, {9} ch, {10}x{11}")
  @CsvSource({
    "3, 3, 1, 1, 1, Truncate, 1, false, IDENTITY, 8, 9, 9",
    "3, 3, 2, 2, 0, Same, 1, false, IDENTITY, 16, 8, 8",
    "3, 3, 2, 2, 0, Same, 1, true, IDENTITY, 16, 9, 7",
    "3, 3, 1, 1, 0, Same, 1, true, TANH, 5, 7, 7",
    "5, 5, 2, 2, 0, Same, 1, false, IDENTITY, 24, 11, 12",
    "3, 3, 2, 2, 0, Truncate, 1, false, IDENTITY, 8, 8, 8",
    "3, 3, 2, 2, 1, Truncate, 1, true, IDENTITY, 8, 10, 9",
    "3, 3, 1, 1, 1, Truncate, 2, true, TANH, 3, 6, 6",
    "3, 3, 2, 2, 0, Same, 2, false, IDENTITY, 4, 7, 8",
    "3, 5, 1, 2, 0, Same, 1, true, IDENTITY, 6, 9, 10",
    "1, 1, 1, 1, 0, Truncate, 1, true, IDENTITY, 32, 4, 4",
    "7, 7, 1, 1, 3, Truncate, 1, false, RELU, 12, 5, 5"
  })
  void matchesDl4jsLayerInOutputAndAllGradients(
      int kh,
      int kw,
      int sh,
      int sw,
      int pad,
      ConvolutionMode mode,
      int multiplier,
      boolean bias,
      Activation activation,
      int channels,
      int height,
      int width) {
    DepthwiseConvolution2D.Builder builder =
        new DepthwiseConvolution2D.Builder(kh, kw)
            .stride(sh, sw)
            .padding(mode == ConvolutionMode.Same ? 0 : pad, mode == ConvolutionMode.Same ? 0 : pad)
            .convolutionMode(mode)
            .depthMultiplier(multiplier)
            .nIn(channels)
            .hasBias(bias)
            .activation(activation)
            .biasInit(0.3)
            .dataFormat(FastDefaults.DATA_FORMAT);
    Layer reference = instantiate(builder.build(), null);
    if (bias) {
      reference.getParam("b").assign(Nd4j.randn(DataType.FLOAT, reference.getParam("b").shape()));
    }
    Layer oneDnn = instantiate(FastDefaults.depthwise(builder), reference.params());
    assertThat(oneDnn).isInstanceOf(OneDnnDepthwiseConvolutionLayer.Impl.class);
    assertThat(oneDnn.getHelper()).isInstanceOf(OneDnnDepthwiseConvolutionHelper.class);

    Nd4j.getRandom().setSeed(5);
    INDArray x = Nd4j.randn(DataType.FLOAT, 3, channels, height, width);
    LayerWorkspaceMgr noWs = LayerWorkspaceMgr.noWorkspaces();
    reference.setInput(x.dup(), noWs);
    oneDnn.setInput(x.dup(), noWs);
    INDArray expected = reference.activate(true, noWs);
    INDArray actual = oneDnn.activate(true, noWs);
    assertThat(actual.shape()).isEqualTo(expected.shape());
    assertClose("output", actual, expected);

    INDArray eps = Nd4j.randn(DataType.FLOAT, expected.shape());
    Pair<Gradient, INDArray> expectedGrad = reference.backpropGradient(eps.dup(), noWs);
    Pair<Gradient, INDArray> actualGrad = oneDnn.backpropGradient(eps.dup(), noWs);
    assertClose("input gradient", actualGrad.getSecond(), expectedGrad.getSecond());
    for (String param : bias ? new String[] {"W", "b"} : new String[] {"W"}) {
      assertClose(
          param + " gradient",
          actualGrad.getFirst().getGradientFor(param),
          expectedGrad.getFirst().getGradientFor(param));
    }
  }

  @ParameterizedTest(name = "stride {0}, {1}, {2}x{2}")
  @CsvSource({"2, Same, 9", "2, Same, 8", "1, Truncate, 7", "2, Truncate, 11"})
  void trainsLikeDl4jsLayerInANetwork(int stride, ConvolutionMode mode, int size) {
    ComputationGraph reference = network(stride, mode, size, b -> b.build());
    ComputationGraph oneDnn = network(stride, mode, size, FastDefaults::depthwise);
    oneDnn.setParams(reference.params().dup());
    assertThat(oneDnn.getLayer("dw1")).isInstanceOf(OneDnnDepthwiseConvolutionLayer.Impl.class);

    Nd4j.getRandom().setSeed(3);
    INDArray x = Nd4j.randn(DataType.FLOAT, 4, 6, size, size);
    INDArray y = Nd4j.randn(DataType.FLOAT, 4, 5);
    assertClose("output", oneDnn.outputSingle(x), reference.outputSingle(x));
    for (ComputationGraph net : new ComputationGraph[] {reference, oneDnn}) {
      net.setInputs(x);
      net.setLabels(y);
      net.computeGradientAndScore();
    }
    assertClose("gradients", oneDnn.gradient().gradient(), reference.gradient().gradient());
    assertThat(oneDnn.score())
        .isCloseTo(reference.score(), org.assertj.core.data.Offset.offset(1e-4));

    for (int step = 0; step < 2; step++) {
      reference.fit(new DataSet(x, y));
      oneDnn.fit(new DataSet(x, y));
    }
    assertClose("parameters after two SGD steps", oneDnn.params(), reference.params());
  }

  @Test
  void survivesAJsonRoundTrip() {
    ComputationGraphConfiguration conf =
        network(2, ConvolutionMode.Same, 8, FastDefaults::depthwise).getConfiguration();
    ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
    assertThat(back).isEqualTo(conf);
  }

  @Test
  void theSummaryShowsDl4jsLayerAndItsParameterCount() {
    ComputationGraphConfiguration engine =
        network(2, ConvolutionMode.Same, 8, FastDefaults::depthwise).getConfiguration();
    ComputationGraphConfiguration dl4j =
        network(2, ConvolutionMode.Same, 8, b -> b.build()).getConfiguration();
    InputType input = InputType.convolutional(8, 8, 6, FastDefaults.DATA_FORMAT);
    assertThat(ModelSummary.of(engine, input)).isEqualTo(ModelSummary.of(dl4j, input));
    assertThat(ModelSummary.of(engine, input).rows().get(1).type())
        .isEqualTo("DepthwiseConvolution2D");
  }

  @Test
  void aSavedModelRestoresToTheSameLayerAndOutput() throws IOException {
    ComputationGraph trained = network(2, ConvolutionMode.Same, 9, FastDefaults::depthwise);
    Nd4j.getRandom().setSeed(4);
    INDArray x = Nd4j.randn(DataType.FLOAT, 2, 6, 9, 9);
    trained.fit(new DataSet(x, Nd4j.randn(DataType.FLOAT, 2, 5)));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(trained, bytes, true);
    ComputationGraph restored =
        ModelSerializer.restoreComputationGraph(
            new ByteArrayInputStream(bytes.toByteArray()), true);

    assertThat(restored.getLayer("dw1")).isInstanceOf(OneDnnDepthwiseConvolutionLayer.Impl.class);
    assertThat(restored.getLayer("dw1").paramTable().keySet()).containsExactly("W", "b");
    assertThat(restored.getLayer("dw1").getParam("W").shape()).containsExactly(3, 3, 6, 1);
    assertThat(restored.params()).isEqualTo(trained.params());
    assertClose("restored output", restored.outputSingle(x), trained.outputSingle(x));
  }

  /** Two stacked depthwise layers (the second checks the first's input gradient), bias on one. */
  private static ComputationGraph network(
      int stride,
      ConvolutionMode mode,
      int size,
      Function<DepthwiseConvolution2D.Builder, DepthwiseConvolution2D> make) {
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .seed(11)
            .updater(new Sgd(0.1))
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.convolutional(size, size, 6, FastDefaults.DATA_FORMAT))
            .addLayer("dw1", make.apply(depthwise(stride, mode, true, Activation.TANH)), "in")
            .addLayer("dw2", make.apply(depthwise(1, mode, false, Activation.IDENTITY)), "dw1")
            .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "dw2")
            .addLayer(
                "out",
                new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                    .nOut(5)
                    .activation(Activation.IDENTITY)
                    .build(),
                "gap")
            .setOutputs("out")
            .build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return net;
  }

  private static DepthwiseConvolution2D.Builder depthwise(
      int stride, ConvolutionMode mode, boolean bias, Activation activation) {
    int pad = mode == ConvolutionMode.Same ? 0 : 1;
    return new DepthwiseConvolution2D.Builder(3, 3)
        .stride(stride, stride)
        .padding(pad, pad)
        .convolutionMode(mode)
        .depthMultiplier(1)
        .hasBias(bias)
        .activation(activation)
        .dataFormat(FastDefaults.DATA_FORMAT);
  }
}
