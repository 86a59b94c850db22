package dev.musket.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The weights file is written by the test itself: a 3-channel network saved in the documented
 * format ({@link PretrainedWeights#save}), then loaded by name into new networks.
 */
class PretrainedWeightsTest {

  @TempDir Path folder;

  private ComputationGraph pretrained() throws Exception {
    ModelAssembler plain = new ModelAssembler(TinyArchitecture.registry());
    ComputationGraph source =
        plain.build(
            ModelSpec.builder(TinyArchitecture.NAME)
                .shape(32, 32, 3)
                .classes(1000)
                .seed(1)
                .build());
    PretrainedWeights.save(source, folder.resolve("tinynet.zip"));
    return source;
  }

  private ComputationGraph load(int channels, boolean copyWeights) {
    ModelAssembler assembler =
        new ModelAssembler(TinyArchitecture.registry(), new PretrainedWeights(folder));
    return assembler.build(
        ModelSpec.builder("tinynet")
            .shape(40, 36, channels)
            .classes(5)
            .weights("imagenet")
            .copyWeights(copyWeights)
            .seed(2)
            .build());
  }

  private static INDArray param(ComputationGraph network, String layer, String key) {
    return network.getLayer(layer).getParam(key);
  }

  @Test
  void encoderLayersAreCopiedByNameAndTheHeadIsNot() throws Exception {
    ComputationGraph source = pretrained();
    ComputationGraph target = load(3, false);
    for (String layer :
        new String[] {
          "stem_bn_data", "stem_bn_data_beta", "stem_conv1", "stem_bn1", "stage2_block1_conv1"
        }) {
      assertThat(target.getLayer(layer).params()).isEqualTo(source.getLayer(layer).params());
    }
    assertThat(target.getLayer("head_output").numParams()).isEqualTo(8 * 5 + 5);
  }

  @Test
  void extraInputChannelsGetZerosOrTheBlueKernel() throws Exception {
    INDArray kernel = param(pretrained(), "stem_conv1", "W");

    INDArray zeros = param(load(4, false), "stem_conv1", "W");
    assertThat(channels(zeros, 0, 3)).isEqualTo(kernel);
    assertThat(channels(zeros, 3, 4).sumNumber().doubleValue()).isZero();

    INDArray blue = param(load(5, true), "stem_conv1", "W");
    assertThat(channels(blue, 0, 3)).isEqualTo(kernel);
    assertThat(channels(blue, 3, 4)).isEqualTo(channels(kernel, 2, 3));
    assertThat(channels(blue, 4, 5)).isEqualTo(channels(kernel, 2, 3));
  }

  private static INDArray channels(INDArray kernel, int from, int to) {
    return kernel
        .get(
            NDArrayIndex.all(),
            NDArrayIndex.interval(from, to),
            NDArrayIndex.all(),
            NDArrayIndex.all())
        .dup();
  }

  @Test
  void aMissingFileSaysWhichFileToPutWhere() {
    assertThatThrownBy(() -> load(3, false))
        .isInstanceOf(MissingWeightsException.class)
        .hasMessageContaining("put the file tinynet.zip in " + folder.toAbsolutePath())
        .hasMessageContaining("$MUSKET_WEIGHTS");
  }

  @Test
  void aFileOfAnotherArchitectureIsRefused() throws Exception {
    ModelAssembler standard = new ModelAssembler(ModelRegistry.standard());
    ComputationGraph other =
        standard.build(ModelSpec.builder("MobileNetV2").shape(32, 32, 3).classes(2).build());
    PretrainedWeights.save(other, folder.resolve("tinynet.zip"));
    assertThatThrownBy(() -> load(3, false))
        .isInstanceOf(MissingWeightsException.class)
        .hasMessageContaining("does not match this architecture");
  }
}
