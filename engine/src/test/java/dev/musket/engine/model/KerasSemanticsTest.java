package dev.musket.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.BiFunction;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The substitutions that make Keras layers out of DL4J ones compute what Keras computes: DL4J's
 * "same" stride-2 convolution equals Keras' {@code correct_pad} + "valid" one (MobileNetV2), and a
 * locked batch norm plus {@link ChannelBias} equals {@code BatchNormalization(scale=False)}.
 */
class KerasSemanticsTest {

  private static ComputationGraph graph(
      int height, int width, BiFunction<LayerGraph, String, String> body) {
    GraphBuilder builder =
        GraphDefaults.network(3, new Sgd(0.1))
            .graphBuilder()
            .addInputs("input")
            .setInputTypes(GraphDefaults.imageInput(height, width, 2));
    LayerGraph g = new LayerGraph(builder, "input", new FeatureShape(2, height, width));
    String last = body.apply(g, "input");
    ComputationGraph network = new ComputationGraph(builder.setOutputs(last).build());
    network.init();
    return network;
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 17})
  void sameStride2EqualsCorrectPadThenValid(int size) {
    ComputationGraph same =
        graph(size, size + 1, (g, in) -> g.conv("c", in, 3, 3, 2, Padding.SAME, true));
    ComputationGraph padded =
        graph(
            size,
            size + 1,
            (g, in) -> g.conv("c", g.corrected("pad", in, 3), 3, 3, 2, Padding.VALID, true));
    padded.getLayer("c").setParams(same.getLayer("c").params().dup());
    INDArray x = Nd4j.rand(DataType.FLOAT, 2, 2, size, size + 1);
    INDArray a = same.outputSingle(x);
    INDArray b = padded.outputSingle(x);
    assertThat(a.shape()).containsExactly(b.shape());
    assertThat(a.equalsWithEps(b, 1e-5)).isTrue();
  }

  @Test
  void lockedBatchNormPlusChannelBiasIsBatchNormWithoutScale() {
    ComputationGraph network = graph(4, 5, (g, in) -> g.batchNormNoScale("bn", in, 1e-3, 0.99));
    INDArray mean = Nd4j.createFromArray(0.5f, -1f);
    INDArray variance = Nd4j.createFromArray(4f, 0.25f);
    INDArray beta = Nd4j.createFromArray(0.1f, 0.2f);
    network.getLayer("bn").setParam("mean", mean.reshape(2));
    network.getLayer("bn").setParam("log10stdev", Transforms.log(Transforms.sqrt(variance), 10));
    // DL4J M2.1's SameDiffLayer.setParam checks the shape but assigns nothing: assign in place
    network.getLayer("bn_beta").getParam("beta").assign(beta.reshape(1, 2, 1, 1));

    INDArray x = Nd4j.rand(DataType.FLOAT, 1, 2, 4, 5);
    INDArray y = network.outputSingle(x);
    for (int c = 0; c < 2; c++) {
      double expected =
          (x.getDouble(0, c, 2, 3) - mean.getDouble(c)) / Math.sqrt(variance.getDouble(c) + 1e-3)
              + beta.getDouble(c);
      assertThat(y.getDouble(0, c, 2, 3)).isCloseTo(expected, within(1e-4));
    }
  }

  @Test
  void theOffsetOfABatchNormWithoutScaleIsLearned() {
    GraphBuilder builder =
        GraphDefaults.network(3, new Sgd(0.5))
            .graphBuilder()
            .addInputs("input")
            .setInputTypes(GraphDefaults.imageInput(4, 4, 2));
    LayerGraph g = new LayerGraph(builder, "input", new FeatureShape(2, 4, 4));
    String bn = g.batchNormNoScale("bn", "input", 1e-3, 0.99);
    builder.addLayer("pool", new GlobalPoolingLayer.Builder().build(), bn);
    builder.addLayer(
        "out",
        new OutputLayer.Builder(LossFunction.MSE).nOut(1).activation(Activation.IDENTITY).build(),
        "pool");
    ComputationGraph network = new ComputationGraph(builder.setOutputs("out").build());
    network.init();
    INDArray before = network.getLayer("bn_beta").getParam("beta").dup();
    network.fit(
        new DataSet(Nd4j.rand(DataType.FLOAT, 4, 2, 4, 4), Nd4j.ones(DataType.FLOAT, 4, 1)));
    assertThat(network.getLayer("bn_beta").getParam("beta")).isNotEqualTo(before);
  }

  @Test
  void samePoolingIgnoresThePaddingAsTensorFlowDoes() {
    INDArray x = Nd4j.rand(DataType.FLOAT, 1, 2, 6, 6).subi(2); // all negative
    INDArray max = graph(6, 6, (g, in) -> g.maxPool("p", in, 3, 2, Padding.SAME)).outputSingle(x);
    // TensorFlow pads max pooling with -inf: the bottom-right window sees only x[4..5, 4..5]
    double expectedMax =
        x.get(
                NDArrayIndex.point(0),
                NDArrayIndex.point(0),
                NDArrayIndex.interval(4, 6),
                NDArrayIndex.interval(4, 6))
            .maxNumber()
            .doubleValue();
    assertThat(max.getDouble(0, 0, 2, 2)).isCloseTo(expectedMax, within(1e-6));

    INDArray avg = graph(6, 6, (g, in) -> g.avgPool("p", in, 3, 1, Padding.SAME)).outputSingle(x);
    // and leaves padded cells out of averages: the corner averages x[0..1, 0..1]
    double expectedAvg =
        x.get(
                NDArrayIndex.point(0),
                NDArrayIndex.point(1),
                NDArrayIndex.interval(0, 2),
                NDArrayIndex.interval(0, 2))
            .meanNumber()
            .doubleValue();
    assertThat(avg.getDouble(0, 1, 0, 0)).isCloseTo(expectedAvg, within(1e-5));
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 17})
  void sameStride2DepthwiseEqualsCorrectPadThenValid(int size) {
    ComputationGraph same =
        graph(size, size, (g, in) -> g.depthwise("d", in, 3, 2, Padding.SAME, false));
    ComputationGraph padded =
        graph(
            size,
            size,
            (g, in) -> g.depthwise("d", g.corrected("pad", in, 3), 3, 2, Padding.VALID, false));
    padded.getLayer("d").setParams(same.getLayer("d").params().dup());
    INDArray x = Nd4j.rand(DataType.FLOAT, 1, 2, size, size);
    assertThat(same.outputSingle(x).equalsWithEps(padded.outputSingle(x), 1e-5)).isTrue();
  }
}
