package dev.musket.engine.onednn;

import static dev.musket.engine.onednn.LayerFixtures.assertClose;
import static dev.musket.engine.onednn.LayerFixtures.instantiate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.runtime.FastDefaults;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Function;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
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
 * The engine's separable convolution must compute what DL4J's own {@code SeparableConvolution2D}
 * computes (libnd4j's sconv2d ops): same output, input gradient and gradients of {@code W}, {@code
 * pW} and {@code b}, for Same and Truncate modes, strides 1 and 2, odd sizes and depth multipliers
 * 1 and 2; in a network with workspaces and CacheMode.HOST the gradients and the parameters after
 * two SGD steps match, and a saved model restores to the same layer and output.
 */
// the oneDNN CPU path: not used, and not there to test, in a -Pcuda build
@DisabledIf("dev.musket.engine.runtime.ComputeBackend#cudaOnClasspath")
class OneDnnSeparableConvolutionLayerTest {

  @ParameterizedTest(
      name = "{0}x{0} stride {1} pad {2} {3}, multiplier {4}, bias {5}, {6}, {7}->{8} ch, {9}x{10}")
  @CsvSource({
    "3, 1, 0, Same, 1, false, IDENTITY, 8, 16, 9, 9",
    "3, 2, 0, Same, 1, true, IDENTITY, 16, 24, 8, 8",
    "3, 2, 0, Same, 1, false, IDENTITY, 16, 8, 9, 7",
    "5, 1, 0, Same, 1, true, RELU, 12, 12, 7, 7",
    "3, 2, 1, Truncate, 2, true, TANH, 5, 7, 10, 9",
    "3, 1, 0, Truncate, 1, false, IDENTITY, 4, 3, 6, 6"
  })
  void matchesDl4jsLayerInOutputAndAllGradients(
      int kernel,
      int stride,
      int pad,
      ConvolutionMode mode,
      int multiplier,
      boolean bias,
      Activation activation,
      int channels,
      int filters,
      int height,
      int width) {
    SeparableConvolution2D.Builder builder =
        new SeparableConvolution2D.Builder(kernel, kernel)
            .stride(stride, stride)
            .padding(pad, pad)
            .convolutionMode(mode)
            .depthMultiplier(multiplier)
            .nIn(channels)
            .nOut(filters)
            .hasBias(bias)
            .activation(activation)
            .dataFormat(FastDefaults.DATA_FORMAT);
    Layer reference = instantiate(builder.build(), null);
    if (bias) {
      reference.getParam("b").assign(Nd4j.randn(DataType.FLOAT, reference.getParam("b").shape()));
    }
    Layer oneDnn = instantiate(FastDefaults.separable(builder), reference.params());
    assertThat(oneDnn).isInstanceOf(OneDnnSeparableConvolutionLayer.Impl.class);

    Nd4j.getRandom().setSeed(5);
    INDArray x = Nd4j.randn(DataType.FLOAT, 3, channels, height, width);
    LayerWorkspaceMgr noWs = LayerWorkspaceMgr.noWorkspaces();
    reference.setInput(x.dup(), noWs);
    oneDnn.setInput(x.dup(), noWs);
    INDArray expected = reference.activate(true, noWs);
    assertClose("output", oneDnn.activate(true, noWs), expected);

    INDArray eps = Nd4j.randn(DataType.FLOAT, expected.shape());
    Pair<Gradient, INDArray> expectedGrad = reference.backpropGradient(eps.dup(), noWs);
    Pair<Gradient, INDArray> actualGrad = oneDnn.backpropGradient(eps.dup(), noWs);
    assertClose("input gradient", actualGrad.getSecond(), expectedGrad.getSecond());
    for (String param : bias ? new String[] {"W", "pW", "b"} : new String[] {"W", "pW"}) {
      assertClose(
          param + " gradient",
          actualGrad.getFirst().getGradientFor(param),
          expectedGrad.getFirst().getGradientFor(param));
    }
  }

  @ParameterizedTest(name = "stride {0}, {1}, {2}x{2}")
  @CsvSource({"2, Same, 9", "1, Truncate, 8"})
  void trainsLikeDl4jsLayerInANetwork(int stride, ConvolutionMode mode, int size) {
    ComputationGraph reference = network(stride, mode, size, b -> b.build());
    ComputationGraph oneDnn = network(stride, mode, size, FastDefaults::separable);
    oneDnn.setParams(reference.params().dup());
    assertThat(oneDnn.getLayer("sep1")).isInstanceOf(OneDnnSeparableConvolutionLayer.Impl.class);

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
    for (int step = 0; step < 2; step++) {
      reference.fit(new DataSet(x, y));
      oneDnn.fit(new DataSet(x, y));
    }
    assertClose("parameters after two SGD steps", oneDnn.params(), reference.params());
  }

  @Test
  void aSavedModelRestoresToTheSameLayerAndOutput() throws IOException {
    ComputationGraph trained = network(2, ConvolutionMode.Same, 9, FastDefaults::separable);
    Nd4j.getRandom().setSeed(4);
    INDArray x = Nd4j.randn(DataType.FLOAT, 2, 6, 9, 9);
    trained.fit(new DataSet(x, Nd4j.randn(DataType.FLOAT, 2, 5)));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(trained, bytes, true);
    ComputationGraph restored =
        ModelSerializer.restoreComputationGraph(
            new ByteArrayInputStream(bytes.toByteArray()), true);

    assertThat(restored.getConfiguration()).isEqualTo(trained.getConfiguration());
    assertThat(restored.getLayer("sep1")).isInstanceOf(OneDnnSeparableConvolutionLayer.Impl.class);
    assertThat(restored.getLayer("sep1").paramTable().keySet())
        .containsExactlyInAnyOrder("W", "pW", "b");
    assertThat(restored.params()).isEqualTo(trained.params());
    assertClose("restored output", restored.outputSingle(x), trained.outputSingle(x));
  }

  /** Two stacked separable layers (the second checks the first's input gradient). */
  private static ComputationGraph network(
      int stride,
      ConvolutionMode mode,
      int size,
      Function<SeparableConvolution2D.Builder, SeparableConvolution2D> make) {
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .seed(11)
            .updater(new Sgd(0.1))
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.convolutional(size, size, 6, FastDefaults.DATA_FORMAT))
            .addLayer("sep1", make.apply(separable(stride, mode, true, Activation.TANH)), "in")
            .addLayer("sep2", make.apply(separable(1, mode, false, Activation.IDENTITY)), "sep1")
            .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "sep2")
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

  private static SeparableConvolution2D.Builder separable(
      int stride, ConvolutionMode mode, boolean bias, Activation activation) {
    int pad = mode == ConvolutionMode.Same ? 0 : 1;
    return new SeparableConvolution2D.Builder(3, 3)
        .stride(stride, stride)
        .padding(pad, pad)
        .convolutionMode(mode)
        .depthMultiplier(1)
        .nOut(10)
        .hasBias(bias)
        .biasInit(0.2)
        .activation(activation)
        .dataFormat(FastDefaults.DATA_FORMAT);
  }
}
