package dev.musket.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras {@code .h5} weights: the test writes a small Keras-format file (channels-last kernels,
 * moving variance, generated names {@code conv2d}, {@code conv2d_1}) and checks every array lands
 * on the right layer in DL4J's layout.
 */
class KerasWeightsTest {

  @TempDir Path folder;

  private final INDArray stemKernel = random(3, 3, 3, 8);
  private final INDArray blockKernel = random(3, 3, 8, 8);
  private final INDArray blockBias = random(8);
  private final INDArray variance = random(8).addi(0.5);
  private final INDArray gamma = random(8);

  private static INDArray random(long... shape) {
    return Nd4j.rand(DataType.FLOAT, shape);
  }

  private void writeKerasFile() {
    Map<String, Map<String, INDArray>> layers = new LinkedHashMap<>();
    layers.put(
        "bn_data",
        Map.of(
            "beta", Nd4j.createFromArray(0.1f, 0.2f, 0.3f),
            "moving_mean", Nd4j.createFromArray(1f, 2f, 3f),
            "moving_variance", Nd4j.createFromArray(4f, 9f, 16f)));
    // generated names: created first = "conv2d", then "conv2d_1"
    layers.put("conv2d_1", Map.of("kernel", blockKernel, "bias", blockBias));
    layers.put("conv2d", Map.of("kernel", stemKernel));
    layers.put(
        "bn0",
        Map.of(
            "gamma",
            gamma,
            "beta",
            random(8),
            "moving_mean",
            random(8),
            "moving_variance",
            variance));
    KerasH5Writer.write(folder.resolve("tinynet_notop.h5"), layers);
  }

  private ComputationGraph load(int channels) {
    writeKerasFile();
    return new ModelAssembler(TinyArchitecture.registry(), new PretrainedWeights(folder))
        .build(
            ModelSpec.builder(TinyArchitecture.NAME)
                .shape(32, 32, channels)
                .classes(2)
                .weights("imagenet")
                .build());
  }

  @Test
  void kernelsAreTransposedToChannelsFirstAndMatchedInCreationOrder() {
    ComputationGraph network = load(3);
    INDArray stem = network.getLayer("stem_conv1").getParam("W");
    assertThat(stem.shape()).containsExactly(8, 3, 3, 3);
    assertThat(stem).isEqualTo(stemKernel.permute(3, 2, 0, 1));
    assertThat(network.getLayer("stage2_block1_conv1").getParam("W"))
        .isEqualTo(blockKernel.permute(3, 2, 0, 1));
    assertThat(network.getLayer("stage2_block1_conv1").getParam("b").reshape(8))
        .isEqualTo(blockBias);
  }

  @Test
  void batchNormsTakeGammaBetaMeanAndTheVarianceAsLogStd() {
    ComputationGraph network = load(3);
    assertThat(network.getLayer("stem_bn1").getParam("gamma").reshape(8)).isEqualTo(gamma);
    INDArray logStd = network.getLayer("stem_bn1").getParam("log10stdev").reshape(8);
    for (int i = 0; i < 8; i++) {
      assertThat(logStd.getDouble(i))
          .isCloseTo(0.5 * Math.log10(variance.getDouble(i)), within(1e-6));
    }
    // Keras BatchNormalization(scale=False): mean and variance, then the separate beta
    assertThat(network.getLayer("stem_bn_data").getParam("mean").reshape(3).toFloatVector())
        .containsExactly(1f, 2f, 3f);
    assertThat(network.getLayer("stem_bn_data_beta").getParam("beta").reshape(3).toFloatVector())
        .containsExactly(0.1f, 0.2f, 0.3f);
  }

  @Test
  void aFourChannelInputGetsTheKerasKernelPlusZeros() {
    ComputationGraph network = load(4);
    INDArray stem = network.getLayer("stem_conv1").getParam("W");
    assertThat(stem.shape()).containsExactly(8, 4, 3, 3);
    for (int o = 0; o < 8; o++) {
      for (int i = 0; i < 3; i++) {
        assertThat(stem.getFloat(o, i, 1, 2)).isEqualTo(stemKernel.getFloat(1, 2, i, o));
      }
      assertThat(stem.getFloat(o, 3, 1, 2)).isZero();
    }
  }
}
