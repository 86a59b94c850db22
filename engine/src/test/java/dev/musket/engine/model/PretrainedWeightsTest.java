package dev.musket.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

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
  void aMissingFileOfAZooArchitectureAlsoNamesTheZoosFile() {
    ModelSpec spec = ModelSpec.builder("ResNet50").weights("imagenet").build();
    ModelBuilder resNet50 = ModelRegistry.standard().builder("ResNet50");
    // the files are looked for before the network is touched
    assertThatThrownBy(() -> new PretrainedWeights(folder).load(null, "ResNet50", resNet50, spec))
        .isInstanceOf(MissingWeightsException.class)
        .hasMessageContaining(
            "put the file resnet50.zip in "
                + folder.toAbsolutePath()
                + " (or the DL4J model zoo's resnet50_dl4j_inference.v3.zip, or Keras' weights as"
                + " resnet50.h5;");
  }

  /** Our architecture whose Keras names differ from ours, as a Keras import saved by DL4J has. */
  private static final class KerasNamed implements ModelBuilder {
    @Override
    public String addBackbone(LayerGraph g, String input) {
      String x = g.conv("stem_conv", input, 4, 3, 1, Padding.SAME, true);
      x = g.batchNorm("stem_bn", x, 1e-3, 0.99);
      return g.relu("stem_relu", x);
    }

    @Override
    public String kerasLayerName(String layer) {
      return switch (layer) {
        case "stem_conv" -> "conv1";
        case "stem_bn" -> "bn_conv1";
        default -> null;
      };
    }
  }

  @Test
  void aZipWithKerasNamesAndVariancesLoadsIntoOurLayers() throws Exception {
    ComputationGraph imported =
        new ComputationGraph(
            new NeuralNetConfiguration.Builder()
                .seed(3)
                .graphBuilder()
                .addInputs("input_1")
                .setInputTypes(InputType.convolutional(32, 32, 3))
                .addLayer(
                    "conv1",
                    new ConvolutionLayer.Builder(3, 3)
                        .nOut(4)
                        .convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.IDENTITY)
                        .build(),
                    "input_1")
                // as Keras imports and DL4J before 1.0.0-beta4 store it: the variance itself
                .addLayer(
                    "bn_conv1", new BatchNormalization.Builder().useLogStd(false).build(), "conv1")
                .setOutputs("bn_conv1")
                .build());
    imported.init();
    INDArray variance = imported.getLayer("bn_conv1").getParam("var");
    variance.assign(Nd4j.rand(DataType.FLOAT, variance.shape()).addi(0.5));
    PretrainedWeights.save(imported, folder.resolve("kerasnamed.zip"));

    ModelAssembler assembler =
        new ModelAssembler(
            ModelRegistry.standard().register("KerasNamed", new KerasNamed()),
            new PretrainedWeights(folder));
    ComputationGraph ours =
        assembler.build(
            ModelSpec.builder("KerasNamed")
                .shape(32, 32, 3)
                .classes(2)
                .weights("imagenet")
                .build());

    assertThat(param(ours, "stem_conv", "W")).isEqualTo(param(imported, "conv1", "W"));
    assertThat(param(ours, "stem_bn", "mean")).isEqualTo(param(imported, "bn_conv1", "mean"));
    INDArray logStd = Transforms.log(Transforms.sqrt(variance, true), 10.0, false);
    assertThat(param(ours, "stem_bn", "log10stdev").equalsWithEps(logStd, 1e-6)).isTrue();
  }

  @Test
  void aZipWithUnknownNamesSaysWhichLayersTheClosestNamingLacks() throws Exception {
    ModelAssembler standard = new ModelAssembler(ModelRegistry.standard());
    ComputationGraph other =
        standard.build(ModelSpec.builder("MobileNetV2").shape(32, 32, 3).classes(2).build());
    PretrainedWeights.save(other, folder.resolve("tinynet.zip"));
    assertThatThrownBy(() -> load(3, false))
        .isInstanceOf(MissingWeightsException.class)
        .hasMessageContaining("neither this engine's, the DL4J model zoo's nor Keras'")
        .hasMessageContaining("does not match this architecture")
        .hasMessageContaining("of 5 layers are missing, first [");
  }
}
