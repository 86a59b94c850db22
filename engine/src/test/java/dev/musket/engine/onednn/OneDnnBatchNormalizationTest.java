package dev.musket.engine.onednn;

import static dev.musket.engine.onednn.LayerFixtures.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.runtime.FastDefaults;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The engine's oneDNN batch normalisation must compute what DL4J's own layer computes: the same
 * network built twice (DL4J's BatchNormalization, then OneDnnBatchNormalization) with the same
 * parameters gives the same training outputs, the same gradients for every parameter (gamma, beta,
 * and through the convolution before it, the input gradient), the same moving mean and log10 stdev
 * (or variance) after some steps, and the same inference outputs with those moving statistics.
 */
// the oneDNN CPU path: not used, and not there to test, in a -Pcuda build
@DisabledIf("dev.musket.engine.runtime.ComputeBackend#cudaOnClasspath")
class OneDnnBatchNormalizationTest {

  private static final int CLASSES = 5;

  @ParameterizedTest(
      name = "{0} channels, {1}x{1}, batch {2}, eps {3}, decay {4}, log std {5}, {6}")
  @CsvSource({
    "8, 6, 3, 1e-5, 0.9, true, NCHW",
    "16, 4, 4, 1e-3, 0.99, true, NCHW",
    "4, 7, 2, 1e-3, 0.5, false, NCHW",
    "32, 2, 5, 1e-5, 0.9, true, NCHW",
    "8, 5, 3, 1e-3, 0.9, true, NHWC"
  })
  void matchesDl4jsBatchNormInOutputsGradientsAndMovingStatistics(
      int channels,
      int size,
      int batch,
      double eps,
      double decay,
      boolean logStd,
      CNN2DFormat format) {
    Function<BatchNormalization.Builder, BatchNormalization> dl4j =
        BatchNormalization.Builder::build;
    Function<BatchNormalization.Builder, BatchNormalization> oneDnn =
        b -> new OneDnnBatchNormalization(b.build());
    ComputationGraph reference = convNetwork(channels, size, eps, decay, logStd, format, dl4j);
    ComputationGraph engine = convNetwork(channels, size, eps, decay, logStd, format, oneDnn);
    engine.setParams(reference.params().dup());
    assertThat(engine.getLayer("bn").getHelper()).isInstanceOf(OneDnnBatchNormHelper.class);
    assertThat(reference.getLayer("bn").getHelper()).isInstanceOf(MKLDNNBatchNormHelper.class);

    Nd4j.getRandom().setSeed(5);
    long[] shape =
        format == CNN2DFormat.NCHW
            ? new long[] {batch, 3, size, size}
            : new long[] {batch, size, size, 3};
    // an offset and a scale, so that the batch statistics are far from the initial moving ones
    INDArray x = Nd4j.randn(DataType.FLOAT, shape).muli(2.5).addi(0.7);
    INDArray y = Nd4j.randn(DataType.FLOAT, batch, CLASSES);
    assertEquivalentTraining(reference, engine, x, y);
  }

  @Test
  void matchesDl4jsBatchNormAfterADenseLayer() {
    Function<BatchNormalization.Builder, BatchNormalization> oneDnn =
        b -> new OneDnnBatchNormalization(b.build());
    ComputationGraph reference = denseNetwork(BatchNormalization.Builder::build);
    ComputationGraph engine = denseNetwork(oneDnn);
    engine.setParams(reference.params().dup());
    Nd4j.getRandom().setSeed(6);
    INDArray x = Nd4j.randn(DataType.FLOAT, 6, 10).muli(3).subi(1);
    INDArray y = Nd4j.randn(DataType.FLOAT, 6, CLASSES);
    assertEquivalentTraining(reference, engine, x, y);
  }

  /**
   * Inference with the moving statistics runs the engine's own kernel ({@link
   * OneDnnBatchNormInference}: the per-channel view, the expanded matrix view for at most 4x4
   * pixels, NHWC) and gives DL4J's layer's output to 1e-5, after training has moved the statistics.
   */
  @ParameterizedTest(name = "{0} channels, {1}x{1}, batch {2}, log std {3}, {4}")
  @CsvSource({
    "8, 9, 3, true, NCHW",
    "12, 5, 4, false, NCHW",
    "16, 4, 3, true, NCHW",
    "24, 2, 5, false, NCHW",
    "32, 1, 6, true, NCHW",
    "8, 5, 3, true, NHWC",
    "6, 2, 2, false, NHWC"
  })
  void inferenceMatchesDl4jsLayerAfterTraining(
      int channels, int size, int batch, boolean logStd, CNN2DFormat format) {
    ComputationGraph reference =
        convNetwork(channels, size, 1e-3, 0.5, logStd, format, BatchNormalization.Builder::build);
    ComputationGraph engine =
        convNetwork(
            channels,
            size,
            1e-3,
            0.5,
            logStd,
            format,
            b -> new OneDnnBatchNormalization(b.build()));
    long[] shape =
        format == CNN2DFormat.NCHW
            ? new long[] {batch, 3, size, size}
            : new long[] {batch, size, size, 3};
    Nd4j.getRandom().setSeed(11);
    trainThenCopy(
        reference,
        engine,
        Nd4j.randn(DataType.FLOAT, shape).muli(2.5).addi(0.7),
        Nd4j.randn(DataType.FLOAT, batch, CLASSES));

    INDArray x = Nd4j.randn(DataType.FLOAT, shape).muli(2).addi(0.5);
    assertClose("inference output", bnOutput(engine, x), bnOutput(reference, x), 1e-5);
    assertThat(helper(engine).inferenceGeometries())
        .containsExactly(new NormGeometry(batch, channels, size, size, format == CNN2DFormat.NHWC));
  }

  @Test
  void inferenceMatchesDl4jsLayerAfterADenseLayer() {
    ComputationGraph reference = denseNetwork(BatchNormalization.Builder::build);
    ComputationGraph engine = denseNetwork(b -> new OneDnnBatchNormalization(b.build()));
    Nd4j.getRandom().setSeed(12);
    trainThenCopy(
        reference,
        engine,
        Nd4j.randn(DataType.FLOAT, 6, 10).muli(3).subi(1),
        Nd4j.randn(DataType.FLOAT, 6, CLASSES));

    INDArray x = Nd4j.randn(DataType.FLOAT, 7, 10).muli(2);
    assertClose("inference output", bnOutput(engine, x), bnOutput(reference, x), 1e-5);
    assertThat(helper(engine).inferenceGeometries())
        .containsExactly(new NormGeometry(7, 12, 1, 1, false));
  }

  /**
   * The engine folds the mean into the shift ({@code x * s + (beta - mean * s)}), which rounds
   * differently from DL4J's {@code (x - mean) * s + beta}; with a mean 50 standard deviations from
   * zero the difference must still be within 1e-5 of the output's range.
   */
  @ParameterizedTest(name = "log std {0}")
  @CsvSource({"true", "false"})
  void inferenceStaysWithin1e5OfDl4jsWhenTheMeanIsFarFromZero(boolean logStd) {
    int channels = 10;
    ComputationGraph reference =
        convNetwork(
            channels, 6, 1e-5, 0.9, logStd, CNN2DFormat.NCHW, BatchNormalization.Builder::build);
    ComputationGraph engine =
        convNetwork(
            channels,
            6,
            1e-5,
            0.9,
            logStd,
            CNN2DFormat.NCHW,
            b -> new OneDnnBatchNormalization(b.build()));
    Nd4j.getRandom().setSeed(14);
    INDArray std = Nd4j.rand(DataType.FLOAT, 1, channels).muli(1.5).addi(0.5);
    reference.getParam("bn_gamma").assign(Nd4j.rand(DataType.FLOAT, 1, channels).addi(0.5));
    reference.getParam("bn_beta").assign(Nd4j.randn(DataType.FLOAT, 1, channels));
    reference.getParam("bn_mean").assign(std.mul(50));
    if (logStd) {
      reference.getParam("bn_log10stdev").assign(Transforms.log(std, 10, true));
    } else {
      reference.getParam("bn_var").assign(std.mul(std));
    }
    engine.setParams(reference.params().dup());
    // the convolution's output, which the norm sees, is about 50 standard deviations off zero
    INDArray x = Nd4j.randn(DataType.FLOAT, 4, 3, 6, 6);
    INDArray convOut = reference.feedForward(x, false).get("conv");
    INDArray offset = std.mul(50).reshape(1, channels, 1, 1);
    reference.getParam("conv_b").assign(offset.reshape(1, channels));
    engine.getParam("conv_b").assign(offset.reshape(1, channels));
    assertThat(reference.feedForward(x, false).get("conv").meanNumber().doubleValue())
        .isGreaterThan(convOut.meanNumber().doubleValue() + 10);

    assertClose("inference output", bnOutput(engine, x), bnOutput(reference, x), 1e-5);
  }

  @Test
  void inferenceWithLockedGammaAndBetaIsDl4jsOwn() {
    Function<BatchNormalization.Builder, BatchNormalization> locked =
        b -> new OneDnnBatchNormalization(b.lockGammaBeta(true).build());
    ComputationGraph reference =
        convNetwork(4, 4, 1e-5, 0.5, true, CNN2DFormat.NCHW, b -> b.lockGammaBeta(true).build());
    ComputationGraph engine = convNetwork(4, 4, 1e-5, 0.5, true, CNN2DFormat.NCHW, locked);
    assertThat(engine.getLayer("bn")).isNotInstanceOf(OneDnnBatchNormalization.Impl.class);
    Nd4j.getRandom().setSeed(15);
    trainThenCopy(
        reference,
        engine,
        Nd4j.randn(DataType.FLOAT, 3, 3, 4, 4).addi(1),
        Nd4j.randn(DataType.FLOAT, 3, CLASSES));
    INDArray x = Nd4j.randn(DataType.FLOAT, 3, 3, 4, 4);
    assertClose("inference output", bnOutput(engine, x), bnOutput(reference, x), 1e-5);
  }

  /** Trains {@code reference} a few steps (moving the statistics), then gives engine its params. */
  private static void trainThenCopy(
      ComputationGraph reference, ComputationGraph engine, INDArray x, INDArray y) {
    INDArray initialMean = reference.getParam("bn_mean").dup();
    for (int i = 0; i < 5; i++) {
      reference.fit(new DataSet(x, y));
    }
    assertThat(reference.getParam("bn_mean").equalsWithEps(initialMean, 1e-3))
        .as("the moving mean moved")
        .isFalse();
    engine.setParams(reference.params().dup());
  }

  private static INDArray bnOutput(ComputationGraph net, INDArray x) {
    return net.feedForward(x, false).get("bn");
  }

  private static OneDnnBatchNormHelper helper(ComputationGraph net) {
    return (OneDnnBatchNormHelper) net.getLayer("bn").getHelper();
  }

  @Test
  void survivesAModelSerializerRoundTrip(@TempDir Path dir) throws Exception {
    ComputationGraph net =
        convNetwork(
            8, 5, 1e-3, 0.9, true, CNN2DFormat.NCHW, b -> FastDefaults.batchNormalization(b));
    Nd4j.getRandom().setSeed(8);
    INDArray x = Nd4j.randn(DataType.FLOAT, 4, 3, 5, 5).addi(1);
    INDArray y = Nd4j.randn(DataType.FLOAT, 4, CLASSES);
    for (int i = 0; i < 3; i++) {
      net.fit(new DataSet(x, y));
    }
    File file = dir.resolve("net.zip").toFile();
    ModelSerializer.writeModel(net, file, true);
    ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);

    assertThat(restored.getConfiguration()).isEqualTo(net.getConfiguration());
    assertThat(restored.getLayer("bn").conf().getLayer())
        .isInstanceOf(OneDnnBatchNormalization.class);
    assertThat(restored.getLayer("bn").getHelper()).isInstanceOf(OneDnnBatchNormHelper.class);
    assertThat(restored.params()).isEqualTo(net.params());
    assertClose("inference output", restored.outputSingle(false, x), net.outputSingle(false, x));
    restored.fit(new DataSet(x, y));
    net.fit(new DataSet(x, y));
    assertClose("parameters after one more step", restored.params(), net.params());
  }

  @Test
  void lockedGammaAndBetaStayOnDl4jsImplementation() {
    ComputationGraph net =
        convNetwork(
            4,
            4,
            1e-5,
            0.9,
            true,
            CNN2DFormat.NCHW,
            b -> new OneDnnBatchNormalization(b.lockGammaBeta(true).build()));
    assertThat(net.getLayer("bn").getHelper()).isNull();
  }

  private static void assertEquivalentTraining(
      ComputationGraph reference, ComputationGraph engine, INDArray x, INDArray y) {
    assertClose(
        "training-mode output", engine.outputSingle(true, x), reference.outputSingle(true, x));
    for (ComputationGraph net : new ComputationGraph[] {reference, engine}) {
      net.setInputs(x);
      net.setLabels(y);
      net.computeGradientAndScore();
    }
    for (String param : reference.getLayer("bn").paramTable().keySet()) {
      assertClose(
          "gradient of bn " + param,
          engine.gradient().getGradientFor("bn_" + param),
          reference.gradient().getGradientFor("bn_" + param));
    }
    // every parameter's gradient, including the layer before, which gets dL/dinput of the norm
    assertClose("all gradients", engine.gradient().gradient(), reference.gradient().gradient());

    for (int i = 0; i < 4; i++) {
      reference.fit(new DataSet(x, y));
      engine.fit(new DataSet(x, y));
    }
    INDArray initialMean = Nd4j.zeros(DataType.FLOAT, reference.getParam("bn_mean").shape());
    assertThat(reference.getParam("bn_mean").equalsWithEps(initialMean, 1e-3))
        .as("the moving mean moved")
        .isFalse();
    for (String param : reference.getLayer("bn").paramTable().keySet()) {
      assertClose(
          "bn " + param + " after 4 steps",
          engine.getParam("bn_" + param),
          reference.getParam("bn_" + param));
    }
    assertClose("all parameters after 4 steps", engine.params(), reference.params());
    assertClose(
        "inference output with the moving statistics",
        engine.outputSingle(false, x),
        reference.outputSingle(false, x));
  }

  private static ComputationGraph convNetwork(
      int channels,
      int size,
      double eps,
      double decay,
      boolean logStd,
      CNN2DFormat format,
      Function<BatchNormalization.Builder, BatchNormalization> make) {
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .seed(13)
            .updater(new Sgd(0.1))
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.convolutional(size, size, 3, format))
            .addLayer(
                "conv",
                new ConvolutionLayer.Builder(3, 3)
                    .padding(1, 1)
                    .nOut(channels)
                    .activation(Activation.IDENTITY)
                    .dataFormat(format)
                    .build(),
                "in")
            .addLayer(
                "bn",
                make.apply(
                    new BatchNormalization.Builder()
                        .eps(eps)
                        .decay(decay)
                        .useLogStd(logStd)
                        .dataFormat(format)),
                "conv")
            .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "bn")
            .addLayer("out", output(), "gap")
            .setOutputs("out")
            .build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return net;
  }

  private static ComputationGraph denseNetwork(
      Function<BatchNormalization.Builder, BatchNormalization> make) {
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .seed(17)
            .updater(new Sgd(0.1))
            .graphBuilder()
            .addInputs("in")
            .setInputTypes(InputType.feedForward(10))
            .addLayer(
                "dense",
                new DenseLayer.Builder().nOut(12).activation(Activation.TANH).build(),
                "in")
            .addLayer("bn", make.apply(new BatchNormalization.Builder().eps(1e-3)), "dense")
            .addLayer("out", output(), "bn")
            .setOutputs("out")
            .build();
    ComputationGraph net = new ComputationGraph(conf);
    net.init();
    return net;
  }

  private static OutputLayer output() {
    return new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
        .nOut(CLASSES)
        .activation(Activation.TANH)
        .build();
  }
}
