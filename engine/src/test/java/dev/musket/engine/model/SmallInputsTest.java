package dev.musket.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Every architecture takes any input of at least 32x32 (Musket's rule), including odd sizes; those
 * whose Keras definition needs more are zero-padded, centered, up to their own minimum and are
 * otherwise the same network.
 */
class SmallInputsTest {

  private static final int CLASSES = 5;

  private static ModelRegistry registry;
  private static ModelAssembler assembler;

  @BeforeAll
  static void setUp() {
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    registry = ModelRegistry.standard();
    assembler = new ModelAssembler(registry);
  }

  /** Every registered architecture at the smallest square input and at an odd, oblong one. */
  static Stream<Arguments> architecturesAndSizes() {
    return ModelRegistry.standard().names().stream()
        .flatMap(name -> Stream.of(Arguments.of(name, 32, 32), Arguments.of(name, 33, 47)));
  }

  @ParameterizedTest(name = "{0} at {1}x{2}")
  @MethodSource("architecturesAndSizes")
  void everyArchitectureAcceptsSmallAndOddInputs(String name, int height, int width) {
    ComputationGraphConfiguration small = configuration(name, height, width);

    Map<String, InputType> types =
        small.getLayerActivationTypes(GraphDefaults.imageInput(height, width, 3));
    assertThat(types.get(ModelAssembler.outputName(0, 1)).arrayElementsPerExample())
        .isEqualTo(CLASSES);
    int size = registry.builder(name).defaultInputSize();
    assertThat(ModelSummary.countParams(small))
        .as("the same network as at Keras' default input size")
        .isEqualTo(ModelSummary.countParams(configuration(name, size, size)));
    int minimum = registry.builder(name).minInputSize();
    assertThat(small.getVertices().containsKey(ModelAssembler.INPUT_PAD))
        .as("padded only below the architecture's own minimum of %s", minimum)
        .isEqualTo(height < minimum || width < minimum);
  }

  @Test
  void onlyTheAxesBelowTheMinimumArePaddedAndTheOddPixelGoesBottomRight() {
    ComputationGraphConfiguration conf = configuration("InceptionV3", 33, 80);
    ZeroPaddingLayer pad =
        (ZeroPaddingLayer)
            ((LayerVertex) conf.getVertices().get(ModelAssembler.INPUT_PAD))
                .getLayerConf()
                .getLayer();
    // 75 - 33 = 42 rows: 21 above, 21 below; the width 80 is already enough
    assertThat(pad.getPadding()).containsExactly(21, 21, 0, 0);
    assertThat(InputPadding.forInput("Xception", 32, 70, 71))
        .isEqualTo(new InputPadding(19, 20, 0, 1));
  }

  @Test
  void architecturesAtKerasSizesHaveNoPadding() {
    assertThat(configuration("InceptionV3", 75, 75).getVertices())
        .doesNotContainKey(ModelAssembler.INPUT_PAD);
    assertThat(configuration("Xception", 71, 100).getVertices())
        .doesNotContainKey(ModelAssembler.INPUT_PAD);
  }

  /** The padded network computes exactly what Keras' network computes on the padded image. */
  @Test
  @Timeout(120)
  void aPaddedInputGivesWhatTheArchitectureGivesOnThePaddedImage() {
    ComputationGraph small = new ComputationGraph(configuration("InceptionV3", 32, 40));
    small.init();
    ComputationGraph large = new ComputationGraph(configuration("InceptionV3", 75, 75));
    large.init();
    for (Layer layer : large.getLayers()) {
      if (layer.numParams() > 0) {
        layer.params().assign(small.getLayer(layer.conf().getLayer().getLayerName()).params());
      }
    }

    INDArray image = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 40);
    INDArray padded = Nd4j.zeros(DataType.FLOAT, 2, 3, 75, 75);
    // 43 rows: 21 above; 35 columns: 17 on the left
    padded
        .get(
            NDArrayIndex.all(),
            NDArrayIndex.all(),
            NDArrayIndex.interval(21, 21 + 32),
            NDArrayIndex.interval(17, 17 + 40))
        .assign(image);

    INDArray expected = large.outputSingle(padded);
    assertThat(small.outputSingle(image).equalsWithEps(expected, 1e-5)).isTrue();
  }

  private static ComputationGraphConfiguration configuration(String name, int height, int width) {
    return assembler.configuration(
        ModelSpec.builder(name).shape(height, width, 3).classes(CLASSES).build());
  }
}
