package dev.musket.engine.onednn;

import static dev.musket.engine.onednn.LayerFixtures.assertClose;
import static dev.musket.engine.onednn.LayerFixtures.instantiate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.model.ModelSummary;
import dev.musket.engine.runtime.FastDefaults;
import dev.musket.engine.runtime.NativeRuntime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
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
 * The engine's pooling layers must compute what DL4J's own compute: the same layer built twice
 * (DL4J's {@code SubsamplingLayer} or {@code GlobalPoolingLayer}, then the engine's) gives the same
 * output and input gradient on random inputs, to float tolerance: max and average pooling, with and
 * without padding in the average's divisor, Truncate (padding, dropped rows) and Same (odd sizes,
 * the odd row at the bottom) modes, non-square windows; inputs with ties; in a network with
 * CacheMode.HOST and workspaces (score, gradients, parameters after two SGD steps, and no backward
 * that had to run the forward again); and a saved model restores to the same layers and output.
 */
// the oneDNN CPU path: not used, and not there to test, in a -Pcuda build
@DisabledIf("dev.musket.engine.runtime.ComputeBackend#cudaOnClasspath")
class OneDnnSubsamplingLayerTest {

  @BeforeAll
  static void dl4jsLayersGetTheirHelpersAsInTraining() {
    NativeRuntime.initialize();
  }

  @ParameterizedTest(name = "{6} {0}x{1} stride {2}x{3} pad {4} {5}, pad in divisor {7}, {9}x{10}")
  @CsvSource({
    "2, 2, 2, 2, 0, Truncate, MAX, false, 8, 8, 8",
    "3, 3, 2, 2, 1, Truncate, MAX, false, 16, 16, 16",
    "3, 3, 2, 2, 1, Truncate, MAX, false, 5, 15, 13",
    "3, 3, 2, 2, 0, Truncate, MAX, false, 3, 8, 8",
    "3, 3, 2, 2, 0, Same, MAX, false, 5, 7, 9",
    "3, 3, 1, 1, 0, Same, MAX, false, 4, 5, 5",
    "2, 3, 1, 2, 0, Same, MAX, false, 4, 5, 7",
    "2, 2, 2, 2, 0, Truncate, AVG, false, 6, 9, 9",
    "3, 3, 2, 2, 0, Same, AVG, false, 5, 7, 9",
    "3, 3, 2, 2, 0, Same, AVG, true, 5, 7, 9",
    "3, 3, 1, 1, 1, Truncate, AVG, false, 4, 6, 6",
    "3, 3, 1, 1, 1, Truncate, AVG, true, 4, 6, 6",
    "3, 3, 2, 2, 1, Truncate, AVG, true, 3, 8, 7",
    "1, 1, 2, 2, 0, Truncate, AVG, false, 8, 7, 7",
    "7, 7, 1, 1, 0, Truncate, AVG, false, 8, 7, 7"
  })
  void matchesDl4jsLayerInOutputAndInputGradient(
      int kh,
      int kw,
      int sh,
      int sw,
      int pad,
      ConvolutionMode mode,
      SubsamplingLayer.PoolingType type,
      boolean padInDivisor,
      int channels,
      int height,
      int width) {
    SubsamplingLayer.Builder builder =
        new SubsamplingLayer.Builder(type)
            .kernelSize(kh, kw)
            .stride(sh, sw)
            .padding(pad, pad)
            .convolutionMode(mode)
            .avgPoolIncludePadInDivisor(padInDivisor)
            .dataFormat(FastDefaults.DATA_FORMAT);
    Nd4j.getRandom().setSeed(5);
    INDArray x = Nd4j.randn(DataType.FLOAT, 3, channels, height, width);
    assertSameAsDl4j(builder, x, null);
  }

  /**
   * Ties: DL4J's layer (libnd4j's ops, with or without DL4J's oneDNN helper) and oneDNN both send a
   * window's gradient to the first of its equal maxima in row-major order.
   */
  @Test
  void maxPoolingSendsATiedWindowsGradientWhereDl4jDoes() {
    Nd4j.getRandom().setSeed(6);
    // values from {0, 1, 2}: most 3x3 windows hold several equal maxima
    INDArray x = Nd4j.rand(DataType.FLOAT, 2, 4, 9, 9).muli(3).castTo(DataType.INT32);
    x = x.castTo(DataType.FLOAT);
    for (int[] geometry : new int[][] {{2, 2, 0}, {3, 2, 1}, {3, 1, 1}}) {
      SubsamplingLayer.Builder builder =
          new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
              .kernelSize(geometry[0], geometry[0])
              .stride(geometry[1], geometry[1])
              .padding(geometry[2], geometry[2])
              .dataFormat(FastDefaults.DATA_FORMAT);
      assertSameAsDl4j(builder, x, MKLDNNSubsamplingHelper.class);
      assertSameAsDl4j(builder, x, null);
    }
  }

  /**
   * @param dl4jHelper the helper DL4J's reference layer must use: DL4J's oneDNN one, or null for
   *     its built-in implementation (libnd4j's op)
   */
  private static void assertSameAsDl4j(
      SubsamplingLayer.Builder builder, INDArray x, Class<?> dl4jHelper) {
    Layer reference = instantiate(builder.build(), null);
    if (dl4jHelper == null) {
      removeHelper(reference);
    } else {
      assertThat(reference.getHelper()).isInstanceOf(dl4jHelper);
    }
    Layer oneDnn = instantiate(FastDefaults.subsampling(builder), null);
    assertThat(oneDnn).isInstanceOf(OneDnnSubsamplingLayer.Impl.class);
    assertThat(oneDnn.getHelper()).isInstanceOf(OneDnnSubsamplingHelper.class);

    LayerWorkspaceMgr noWs = LayerWorkspaceMgr.noWorkspaces();
    reference.setInput(x.dup(), noWs);
    oneDnn.setInput(x.dup(), noWs);
    long before = OneDnnPaths.count(OneDnnPaths.POOLING);
    INDArray expected = reference.activate(true, noWs);
    INDArray actual = oneDnn.activate(true, noWs);
    assertClose("output", actual, expected);

    INDArray eps = Nd4j.randn(DataType.FLOAT, expected.shape());
    INDArray expectedGrad = reference.backpropGradient(eps.dup(), noWs).getSecond();
    INDArray actualGrad = oneDnn.backpropGradient(eps.dup(), noWs).getSecond();
    assertClose("input gradient", actualGrad, expectedGrad);
    assertThat(OneDnnPaths.count(OneDnnPaths.POOLING)).isEqualTo(before + 2);
    assertThat(((OneDnnSubsamplingHelper) oneDnn.getHelper()).forwardsRepeated()).isZero();
  }

  @Test
  void aBackwardAfterAnotherForwardRunsTheTrainingForwardAgain() {
    SubsamplingLayer.Builder builder =
        new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
            .kernelSize(3, 3)
            .stride(2, 2)
            .padding(1, 1);
    Layer reference = instantiate(builder.build(), null);
    Layer oneDnn = instantiate(FastDefaults.subsampling(builder), null);
    LayerWorkspaceMgr noWs = LayerWorkspaceMgr.noWorkspaces();
    Nd4j.getRandom().setSeed(8);
    INDArray x = Nd4j.randn(DataType.FLOAT, 2, 3, 8, 8);
    oneDnn.setInput(x.dup(), noWs);
    oneDnn.activate(true, noWs);
    // another input's training forward overwrites the winners the backward of x needs
    oneDnn.setInput(Nd4j.randn(DataType.FLOAT, 2, 3, 8, 8), noWs);
    oneDnn.activate(true, noWs);
    oneDnn.setInput(x.dup(), noWs);
    reference.setInput(x.dup(), noWs);
    reference.activate(true, noWs);

    INDArray eps = Nd4j.randn(DataType.FLOAT, 2, 3, 4, 4);
    assertClose(
        "input gradient",
        oneDnn.backpropGradient(eps.dup(), noWs).getSecond(),
        reference.backpropGradient(eps.dup(), noWs).getSecond());
    assertThat(((OneDnnSubsamplingHelper) oneDnn.getHelper()).forwardsRepeated()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}, collapse {1}, {2}x{3}")
  @CsvSource({"AVG, true, 7, 7", "AVG, false, 4, 5", "MAX, true, 7, 7", "MAX, false, 1, 1"})
  void globalPoolingMatchesDl4jsLayer(PoolingType type, boolean collapse, int height, int width) {
    GlobalPoolingLayer conf =
        new GlobalPoolingLayer.Builder(type).collapseDimensions(collapse).build();
    Layer reference = instantiate(conf, null);
    Layer oneDnn = instantiate(new OneDnnGlobalPoolingLayer(conf), null);
    assertThat(oneDnn).isInstanceOf(OneDnnGlobalPoolingLayer.Impl.class);

    Nd4j.getRandom().setSeed(9);
    INDArray x = Nd4j.randn(DataType.FLOAT, 3, 6, height, width);
    LayerWorkspaceMgr noWs = LayerWorkspaceMgr.noWorkspaces();
    reference.setInput(x.dup(), noWs);
    oneDnn.setInput(x.dup(), noWs);
    long before = OneDnnPaths.count(OneDnnPaths.GLOBAL_POOLING);
    INDArray expected = reference.activate(true, noWs);
    assertClose("output", oneDnn.activate(true, noWs), expected);

    // a dense layer's epsilon is often in Fortran order
    INDArray eps = Nd4j.randn(DataType.FLOAT, expected.shape()).dup('f');
    assertClose(
        "input gradient",
        oneDnn.backpropGradient(eps.dup('f'), noWs).getSecond(),
        reference.backpropGradient(eps.dup('f'), noWs).getSecond());
    assertThat(OneDnnPaths.count(OneDnnPaths.GLOBAL_POOLING)).isEqualTo(before + 2);
  }

  @Test
  void trainsLikeDl4jsLayersInANetwork() {
    ComputationGraph reference = network(false);
    ComputationGraph oneDnn = network(true);
    oneDnn.setParams(reference.params().dup());
    assertThat(oneDnn.getLayer("maxpool")).isInstanceOf(OneDnnSubsamplingLayer.Impl.class);
    assertThat(oneDnn.getLayer("gap")).isInstanceOf(OneDnnGlobalPoolingLayer.Impl.class);

    Nd4j.getRandom().setSeed(3);
    INDArray x = Nd4j.randn(DataType.FLOAT, 4, 3, 15, 15);
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
    assertThat(
            ((OneDnnSubsamplingHelper) oneDnn.getLayer("maxpool").getHelper()).forwardsRepeated())
        .as("max-pooling backward calls that found no workspace of their forward")
        .isZero();
    assertThat(((OneDnnGlobalPoolingLayer.Impl) oneDnn.getLayer("gapmax")).forwardsRepeated())
        .isZero();
  }

  @Test
  void theSummaryShowsDl4jsLayers() {
    InputType input = InputType.convolutional(15, 15, 3, FastDefaults.DATA_FORMAT);
    ModelSummary engine = ModelSummary.of(network(true).getConfiguration(), input);
    assertThat(engine).isEqualTo(ModelSummary.of(network(false).getConfiguration(), input));
    assertThat(engine.rows())
        .extracting(ModelSummary.Row::type)
        .contains("SubsamplingLayer", "GlobalPoolingLayer");
  }

  @Test
  void survivesAJsonRoundTrip() {
    ComputationGraphConfiguration conf = network(true).getConfiguration();
    ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
    assertThat(back).isEqualTo(conf);
  }

  @Test
  void aSavedModelRestoresToTheSameLayersAndOutput() throws IOException {
    ComputationGraph trained = network(true);
    Nd4j.getRandom().setSeed(4);
    INDArray x = Nd4j.randn(DataType.FLOAT, 2, 3, 15, 15);
    trained.fit(new DataSet(x, Nd4j.randn(DataType.FLOAT, 2, 5)));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(trained, bytes, true);
    ComputationGraph restored =
        ModelSerializer.restoreComputationGraph(
            new ByteArrayInputStream(bytes.toByteArray()), true);

    for (String pool : new String[] {"maxpool", "avgpool"}) {
      assertThat(restored.getLayer(pool)).isInstanceOf(OneDnnSubsamplingLayer.Impl.class);
      assertThat(restored.getLayer(pool).getHelper()).isInstanceOf(OneDnnSubsamplingHelper.class);
    }
    assertThat(restored.getLayer("gap")).isInstanceOf(OneDnnGlobalPoolingLayer.Impl.class);
    assertThat(restored.getLayer("gapmax")).isInstanceOf(OneDnnGlobalPoolingLayer.Impl.class);
    assertClose("restored output", restored.outputSingle(x), trained.outputSingle(x));
  }

  /**
   * A convolution, ResNet's 3x3/2 max pooling with padding 1, a convolution, a 3x3/2 Same average
   * pooling, then global average and global max pooling heads: the engine's pooling layers with
   * {@code engine}, DL4J's otherwise.
   */
  private static ComputationGraph network(boolean engine) {
    SubsamplingLayer.Builder max =
        new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
            .kernelSize(3, 3)
            .stride(2, 2)
            .padding(1, 1);
    SubsamplingLayer.Builder avg =
        new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.AVG)
            .kernelSize(3, 3)
            .stride(2, 2)
            .convolutionMode(ConvolutionMode.Same)
            .avgPoolIncludePadInDivisor(false);
    GlobalPoolingLayer.Builder gap = new GlobalPoolingLayer.Builder(PoolingType.AVG);
    GlobalPoolingLayer.Builder gapMax = new GlobalPoolingLayer.Builder(PoolingType.MAX);
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .seed(11)
            .updater(new Sgd(0.1))
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.convolutional(15, 15, 3, FastDefaults.DATA_FORMAT))
            .addLayer("conv1", conv(4), "in")
            .addLayer("maxpool", engine ? FastDefaults.subsampling(max) : max.build(), "conv1")
            .addLayer("conv2", conv(6), "maxpool")
            .addLayer("avgpool", engine ? FastDefaults.subsampling(avg) : avg.build(), "conv2")
            .addLayer("gap", engine ? FastDefaults.globalPooling(gap) : gap.build(), "avgpool")
            .addLayer(
                "gapmax", engine ? FastDefaults.globalPooling(gapMax) : gapMax.build(), "avgpool")
            .addVertex("heads", new MergeVertex(), "gap", "gapmax")
            .addLayer(
                "out",
                new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                    .nOut(5)
                    .activation(Activation.IDENTITY)
                    .build(),
                "heads")
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
        .activation(Activation.TANH)
        .dataFormat(FastDefaults.DATA_FORMAT)
        .build();
  }

  /** Makes DL4J's layer use its built-in implementation (libnd4j's ops, no helper). */
  private static void removeHelper(Layer layer) {
    try {
      Field helper =
          org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer.class
              .getDeclaredField("helper");
      helper.setAccessible(true);
      helper.set(layer, null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("DL4J's SubsamplingLayer has no helper field: DL4J changed?", e);
    }
  }
}
