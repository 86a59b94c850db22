package dev.musket.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every architecture from one table (Keras' {@code applications_test.py} MODEL_LIST, DL4J's {@code
 * TestInstantiation}): its configuration at a small input with Musket's head, the output shape, the
 * parameter count with Keras' top at Keras' default input against the reference, a JSON round trip,
 * and one training step on synthetic data for the small ones.
 */
class ArchitecturesTest {

  /** Channels of the small test input: not 3, so every stem must accept any channel count. */
  private static final int CHANNELS = 4;

  private static final int CLASSES = 3;

  /**
   * name, reference parameter count (include_top, 1000 classes, default input), small input size,
   * and how far to go beyond the configuration: a forward pass, or a training step. Keras
   * applications counts are from keras.io's applications table; ResNet18/34 and ResNeXt50/101 are
   * those of the classification_models definitions Musket used (counted independently from their
   * layer definitions; torchvision-style ResNet18 has 11,699,112 and is a different network).
   */
  static Stream<Arguments> architectures() {
    return Stream.of(
        Arguments.of("ResNet18", 11_699_889L, 32, Check.TRAIN),
        Arguments.of("ResNet34", 21_815_473L, 32, Check.CONFIG),
        Arguments.of("ResNet50", 25_636_712L, 32, Check.CONFIG),
        Arguments.of("ResNet101", 44_707_176L, 32, Check.CONFIG),
        Arguments.of("ResNet152", 60_419_944L, 32, Check.CONFIG),
        Arguments.of("ResNeXt50", 25_097_137L, 32, Check.FORWARD),
        Arguments.of("ResNeXt101", 44_315_569L, 32, Check.CONFIG),
        Arguments.of("VGG16", 138_357_544L, 32, Check.CONFIG),
        Arguments.of("VGG19", 143_667_240L, 32, Check.CONFIG),
        Arguments.of("InceptionV3", 23_851_784L, 32, Check.FORWARD),
        Arguments.of("InceptionResNetV2", 55_873_736L, 32, Check.CONFIG),
        Arguments.of("Xception", 22_910_480L, 32, Check.FORWARD),
        Arguments.of("MobileNet", 4_253_864L, 32, Check.TRAIN),
        Arguments.of("MobileNetV2", 3_538_984L, 32, Check.TRAIN),
        Arguments.of("DenseNet121", 8_062_504L, 32, Check.CONFIG),
        Arguments.of("DenseNet169", 14_307_880L, 32, Check.CONFIG),
        Arguments.of("DenseNet201", 20_242_984L, 32, Check.CONFIG),
        Arguments.of("NASNetMobile", 5_326_716L, 32, Check.FORWARD),
        Arguments.of("NASNetLarge", 88_949_818L, 32, Check.CONFIG));
  }

  private static ModelRegistry registry;
  private static ModelAssembler assembler;

  @BeforeAll
  static void setUp() {
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    registry = ModelRegistry.standard();
    assembler = new ModelAssembler(registry);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("architectures")
  @Timeout(120)
  void buildsExactlyAndTrains(String name, long referenceParams, int small, Check check)
      throws Exception {
    ModelSpec spec =
        ModelSpec.builder(name.toLowerCase())
            .shape(small, small + 3, CHANNELS)
            .classes(CLASSES)
            .activation("softmax")
            .build();
    ComputationGraphConfiguration configuration = assembler.configuration(spec);

    InputType input = GraphDefaults.imageInput(small, small + 3, CHANNELS);
    Map<String, InputType> types = configuration.getLayerActivationTypes(input);
    String output = ModelAssembler.outputName(0, 1);
    assertThat(types.get(output).arrayElementsPerExample()).isEqualTo(CLASSES);
    assertThat(configuration.getNetworkOutputs()).containsExactly(output);

    int size = registry.builder(name).defaultInputSize();
    ModelSpec keras = ModelSpec.builder(name).shape(size, size, 3).includeTop(true).build();
    ComputationGraphConfiguration reference = assembler.configuration(keras);
    assertThat(ModelSummary.countParams(reference)).isEqualTo(referenceParams);

    String json = configuration.toJson();
    ComputationGraphConfiguration restored = ComputationGraphConfiguration.fromJson(json);
    assertThat(restored.toJson()).isEqualTo(json);
    assertThat(ModelSummary.countParams(restored))
        .isEqualTo(ModelSummary.countParams(configuration));

    assertEveryEncoderLayerHasOneKerasName(registry.builder(name), configuration);

    if (check == Check.FORWARD) {
      forward(spec, configuration);
    } else if (check == Check.TRAIN) {
      trainOneStep(spec, configuration);
    }
  }

  /** Keras weights can land on every parameter layer, and no two layers claim the same one. */
  private static void assertEveryEncoderLayerHasOneKerasName(
      ModelBuilder builder, ComputationGraphConfiguration configuration) {
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, GraphVertex> vertex : configuration.getVertices().entrySet()) {
      String layer = vertex.getKey();
      if (layer.startsWith(ModelAssembler.HEAD_PREFIX)
          || !(vertex.getValue() instanceof LayerVertex layerVertex)
          || layerVertex
                  .getLayerConf()
                  .getLayer()
                  .initializer()
                  .numParams(layerVertex.getLayerConf().getLayer())
              == 0) {
        continue;
      }
      String keras = builder.kerasLayerName(layer);
      assertThat(keras).as("Keras name of %s", layer).isNotNull();
      if (!keras.startsWith(KerasWeightsImporter.AUTO) && !layer.endsWith("_beta")) {
        assertThat(seen.add(keras)).as("%s claims Keras layer %s twice", layer, keras).isTrue();
      }
    }
  }

  /** What to run beyond the configuration (all of them run a forward pass: about 2.5 min here). */
  enum Check {
    CONFIG,
    FORWARD,
    TRAIN
  }

  private static void forward(ModelSpec spec, ComputationGraphConfiguration configuration) {
    ComputationGraph network = new ComputationGraph(configuration);
    network.init();
    INDArray out =
        network.outputSingle(Nd4j.rand(DataType.FLOAT, 1, CHANNELS, spec.height(), spec.width()));
    assertThat(out.shape()).containsExactly(1, CLASSES);
  }

  private static void trainOneStep(ModelSpec spec, ComputationGraphConfiguration configuration) {
    ComputationGraph network = new ComputationGraph(configuration);
    network.init();
    assertThat(network.numParams()).isEqualTo(ModelSummary.countParams(configuration));
    INDArray features = Nd4j.rand(DataType.FLOAT, 2, CHANNELS, spec.height(), spec.width());
    INDArray labels = Nd4j.zeros(DataType.FLOAT, 2, CLASSES);
    labels.putScalar(0, 0, 1);
    labels.putScalar(1, 2, 1);
    INDArray before = network.params().dup();
    network.fit(new DataSet(features, labels));
    assertThat(network.score()).isFinite();
    assertThat(network.params()).isNotEqualTo(before);
    INDArray out = network.outputSingle(features);
    assertThat(out.shape()).containsExactly(2, CLASSES);
  }

  @Test
  void tableCoversEveryRegisteredArchitecture() {
    assertThat(architectures().map(a -> (String) a.get()[0]))
        .containsExactlyInAnyOrderElementsOf(registry.names());
  }
}
