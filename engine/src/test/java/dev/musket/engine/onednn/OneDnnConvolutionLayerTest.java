package dev.musket.engine.onednn;

import static dev.musket.engine.onednn.LayerFixtures.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.runtime.FastDefaults;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The engine's oneDNN convolution must compute what DL4J's own layer computes: the same network
 * built twice (DL4J's ConvolutionLayer, then OneDnnConvolutionLayer) with the same parameters gives
 * the same outputs and the same gradients for every parameter, to float tolerance. Two stacked
 * convolutions, so the first one's weight gradient also checks the second one's input gradient.
 */
// the oneDNN CPU path: not used, and not there to test, in a -Pcuda build
@DisabledIf("dev.musket.engine.runtime.ComputeBackend#cudaOnClasspath")
class OneDnnConvolutionLayerTest {

  @ParameterizedTest(name = "{0}x{0} stride {1} pad {2}, bias {3}, {4} channels, {5}x{5}")
  @CsvSource({
    "3, 1, 1, true, 8, 9",
    "3, 2, 1, false, 16, 8",
    "1, 2, 0, false, 16, 8",
    "7, 2, 3, false, 8, 12",
    "3, 1, 0, true, 4, 7"
  })
  void matchesDl4jsConvolutionInOutputsAndGradients(
      int kernel, int stride, int pad, boolean bias, int channels, int size) {
    ComputationGraph reference = network(kernel, stride, pad, bias, channels, size, b -> b.build());
    ComputationGraph oneDnn =
        network(kernel, stride, pad, bias, channels, size, FastDefaults::convolution);
    oneDnn.setParams(reference.params().dup());
    assertThat(oneDnn.getLayer("conv2")).isInstanceOf(OneDnnConvolutionLayer.Impl.class);

    Nd4j.getRandom().setSeed(3);
    INDArray x = Nd4j.randn(DataType.FLOAT, 3, 3, size, size);
    INDArray y = Nd4j.randn(DataType.FLOAT, 3, 5);
    assertClose("output", oneDnn.outputSingle(x), reference.outputSingle(x));

    for (ComputationGraph net : new ComputationGraph[] {reference, oneDnn}) {
      net.setInputs(x);
      net.setLabels(y);
      net.computeGradientAndScore();
    }
    assertClose("gradients", oneDnn.gradient().gradient(), reference.gradient().gradient());
    assertThat(oneDnn.score())
        .isCloseTo(reference.score(), org.assertj.core.data.Offset.offset(1e-4));

    reference.fit(new DataSet(x, y));
    oneDnn.fit(new DataSet(x, y));
    assertClose("parameters after a step", oneDnn.params(), reference.params());
  }

  /**
   * The architecture builders' convolutions: Same mode (odd row and column at the bottom and right
   * when the padding is odd, as TensorFlow) and Keras' non-square kernels (InceptionV3's 1x7 and
   * 7x1), including stride 2 on odd and even sizes. The helper must take them (a call it does not
   * cover would silently run DL4J's slow path), and agree with DL4J's layer.
   */
  @ParameterizedTest(name = "{0}x{1} stride {2}x{3} {4}, {5}x{6}")
  @CsvSource({
    "3, 3, 2, 2, Same, 9, 9",
    "3, 3, 2, 2, Same, 8, 8",
    "3, 3, 1, 1, Same, 7, 10",
    "1, 7, 1, 1, Same, 9, 9",
    "7, 1, 1, 1, Same, 9, 9",
    "1, 1, 2, 2, Same, 7, 7",
    "7, 7, 2, 2, Same, 13, 12",
    "2, 2, 2, 2, Same, 5, 5",
    "3, 5, 2, 1, Truncate, 11, 9",
    "3, 3, 2, 2, Truncate, 10, 10"
  })
  void coversSameModeAndNonSquareKernelsAsDl4jComputesThem(
      int kh, int kw, int sh, int sw, ConvolutionMode mode, int height, int width) {
    Function<Function<ConvolutionLayer.Builder, ConvolutionLayer>, ComputationGraph> build =
        make -> network(kh, kw, sh, sw, mode, height, width, make);
    ComputationGraph reference = build.apply(b -> b.build());
    ComputationGraph oneDnn = build.apply(FastDefaults::convolution);
    oneDnn.setParams(reference.params().dup());

    Nd4j.getRandom().setSeed(5);
    INDArray x = Nd4j.randn(DataType.FLOAT, 2, 3, height, width);
    INDArray y = Nd4j.randn(DataType.FLOAT, 2, 5);
    var conf = (ConvolutionLayer) oneDnn.getLayer("conv1").conf().getLayer();
    INDArray w = oneDnn.getLayer("conv1").getParam("W");
    INDArray direct =
        new OneDnnConvolutionHelper(true)
            .preOutput(
                x,
                w,
                Nd4j.zeros(DataType.FLOAT, 1, w.size(0)),
                conf.getKernelSize(),
                conf.getStride(),
                conf.getPadding(),
                null,
                null,
                mode,
                conf.getDilation(),
                FastDefaults.DATA_FORMAT,
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
    assertThat(direct).as("the helper covers this convolution").isNotNull();
    assertThat(direct.shape())
        .isEqualTo(reference.getLayer("conv1").activate(x, false, noWorkspaces()).shape());

    assertClose("output", oneDnn.outputSingle(x), reference.outputSingle(x));
    for (ComputationGraph net : new ComputationGraph[] {reference, oneDnn}) {
      net.setInputs(x);
      net.setLabels(y);
      net.computeGradientAndScore();
    }
    assertClose("gradients", oneDnn.gradient().gradient(), reference.gradient().gradient());
    reference.fit(new DataSet(x, y));
    oneDnn.fit(new DataSet(x, y));
    assertClose("parameters after a step", oneDnn.params(), reference.params());
  }

  /**
   * Identity convolutions, as every builder makes them (batch norm and the activation are layers of
   * their own): the engine's layer neither copies the pre-activation output in the forward pass nor
   * runs the forward convolution again in backprop; gradients must still be DL4J's, whether the
   * network caches (the engine's default) or not.
   */
  @ParameterizedTest(name = "cache mode {0}")
  @CsvSource({"HOST", "NONE"})
  void identityConvolutionsMatchDl4jsWithAndWithoutCaching(CacheMode cacheMode) {
    Function<Function<ConvolutionLayer.Builder, ConvolutionLayer>, ComputationGraph> build =
        make -> identityNetwork(cacheMode, make);
    ComputationGraph reference = build.apply(b -> b.build());
    ComputationGraph oneDnn = build.apply(FastDefaults::convolution);
    oneDnn.setParams(reference.params().dup());

    Nd4j.getRandom().setSeed(7);
    INDArray x = Nd4j.randn(DataType.FLOAT, 3, 3, 9, 9);
    INDArray y = Nd4j.randn(DataType.FLOAT, 3, 5);
    for (int step = 0; step < 3; step++) {
      for (ComputationGraph net : new ComputationGraph[] {reference, oneDnn}) {
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
      }
      assertClose(
          "gradients, step " + step, oneDnn.gradient().gradient(), reference.gradient().gradient());
      reference.fit(new DataSet(x, y));
      oneDnn.fit(new DataSet(x, y));
      assertClose("parameters after step " + step, oneDnn.params(), reference.params());
    }
  }

  private static ComputationGraph identityNetwork(
      CacheMode cacheMode, Function<ConvolutionLayer.Builder, ConvolutionLayer> make) {
    Function<Integer, ConvolutionLayer.Builder> conv =
        stride ->
            new ConvolutionLayer.Builder(3, 3)
                .stride(stride, stride)
                .convolutionMode(ConvolutionMode.Same)
                .nOut(8)
                .hasBias(true)
                .activation(Activation.IDENTITY)
                .dataFormat(FastDefaults.DATA_FORMAT);
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .seed(17)
            .updater(new Sgd(0.1))
            .cacheMode(cacheMode)
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.convolutional(9, 9, 3, FastDefaults.DATA_FORMAT))
            .addLayer("conv1", make.apply(conv.apply(2)), "in")
            .addLayer(
                "relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), "conv1")
            .addLayer("conv2", make.apply(conv.apply(1)), "relu")
            .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv2")
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

  private static org.deeplearning4j.nn.workspace.LayerWorkspaceMgr noWorkspaces() {
    return org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
  }

  @Test
  void survivesAJsonRoundTrip() {
    ComputationGraphConfiguration conf =
        network(3, 1, 1, true, 4, 6, FastDefaults::convolution).getConfiguration();
    ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
    assertThat(back).isEqualTo(conf);
    ComputationGraph restored = new ComputationGraph(back);
    restored.init();
    assertThat(restored.getLayer("conv1")).isInstanceOf(OneDnnConvolutionLayer.Impl.class);
  }

  private static ComputationGraph network(
      int kernel,
      int stride,
      int pad,
      boolean bias,
      int channels,
      int size,
      Function<ConvolutionLayer.Builder, ConvolutionLayer> make) {
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .seed(11)
            .updater(new Sgd(0.1))
            .convolutionMode(ConvolutionMode.Truncate)
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.convolutional(size, size, 3, FastDefaults.DATA_FORMAT))
            .addLayer("conv1", make.apply(conv(kernel, stride, pad, bias, channels)), "in")
            .addLayer("conv2", make.apply(conv(kernel, 1, kernel / 2, bias, channels)), "conv1")
            .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv2")
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

  /** A {@code kh x kw} convolution in {@code mode}, then a 3x3 Same one, as the builders make. */
  private static ComputationGraph network(
      int kh,
      int kw,
      int sh,
      int sw,
      ConvolutionMode mode,
      int height,
      int width,
      Function<ConvolutionLayer.Builder, ConvolutionLayer> make) {
    ConvolutionLayer.Builder first =
        new ConvolutionLayer.Builder(kh, kw)
            .stride(sh, sw)
            .convolutionMode(mode)
            .nOut(6)
            .hasBias(false)
            .activation(Activation.TANH)
            .dataFormat(FastDefaults.DATA_FORMAT);
    ConvolutionLayer.Builder second =
        new ConvolutionLayer.Builder(3, 3)
            .convolutionMode(ConvolutionMode.Same)
            .nOut(6)
            .hasBias(true)
            .activation(Activation.TANH)
            .dataFormat(FastDefaults.DATA_FORMAT);
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .seed(13)
            .updater(new Sgd(0.1))
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.convolutional(height, width, 3, FastDefaults.DATA_FORMAT))
            .addLayer("conv1", make.apply(first), "in")
            .addLayer("conv2", make.apply(second), "conv1")
            .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv2")
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

  private static ConvolutionLayer.Builder conv(
      int kernel, int stride, int pad, boolean bias, int channels) {
    return new ConvolutionLayer.Builder(kernel, kernel)
        .stride(stride, stride)
        .padding(pad, pad)
        .nOut(channels)
        .hasBias(bias)
        .activation(Activation.TANH)
        .dataFormat(FastDefaults.DATA_FORMAT);
  }
}
