package dev.musket.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;

class ModelAssemblerTest {

  private final ModelAssembler assembler = new ModelAssembler(TinyArchitecture.registry());

  private static org.deeplearning4j.nn.conf.layers.Layer layer(
      ComputationGraphConfiguration conf, String name) {
    return ((LayerVertex) conf.getVertices().get(name)).getLayerConf().getLayer();
  }

  @Test
  void listsOfClassesAndActivationsMakeOneHeadEach() {
    ModelSpec spec =
        ModelSpec.builder(TinyArchitecture.NAME)
            .shape(40, 48, 2)
            .classes(List.of(5, 2))
            .activations(List.of("softmax", "sigmoid"))
            .build();
    ComputationGraphConfiguration conf = assembler.configuration(spec);
    assertThat(conf.getNetworkOutputs()).containsExactly("head_output1", "head_output2");
    Map<String, InputType> types = conf.getLayerActivationTypes(InputType.convolutional(40, 48, 2));
    assertThat(types.get("head_output1").arrayElementsPerExample()).isEqualTo(5);
    assertThat(types.get("head_output2").arrayElementsPerExample()).isEqualTo(2);
    assertThat(((OutputLayer) layer(conf, "head_output1")).getActivationFn())
        .isInstanceOf(ActivationSoftmax.class);
    assertThat(((OutputLayer) layer(conf, "head_output2")).getActivationFn())
        .isInstanceOf(ActivationSigmoid.class);
  }

  @Test
  void poolingAndDropoutAreMusketsHead() {
    ModelSpec spec =
        ModelSpec.builder(TinyArchitecture.NAME)
            .shape(32, 32, 3)
            .classes(4)
            .pooling(Pooling.MAX)
            .dropout(0.25)
            .build();
    ComputationGraphConfiguration conf = assembler.configuration(spec);
    assertThat(((GlobalPoolingLayer) layer(conf, "head_pool")).getPoolingType())
        .isEqualTo(PoolingType.MAX);
    DropoutLayer dropout = (DropoutLayer) layer(conf, "head_dropout");
    assertThat(dropout.getIDropout().toString()).contains("0.75");
    assertThat(conf.getVertexInputs().get("head_output")).containsExactly("head_dropout");
  }

  @Test
  void noDropoutLayerWithoutDropout() {
    ComputationGraphConfiguration conf =
        assembler.configuration(ModelSpec.builder(TinyArchitecture.NAME).shape(32, 32, 3).build());
    assertThat(conf.getVertices()).doesNotContainKey("head_dropout");
  }

  @Test
  void inputsBelowTheArchitecturesMinimumAreRefusedClearly() {
    ModelAssembler tiny = new ModelAssembler(TinyArchitecture.registry());
    assertThatThrownBy(
            () -> tiny.configuration(ModelSpec.builder("inceptionv3").shape(20, 64, 3).build()))
        .hasMessage(
            "InceptionV3 needs an input of at least 32x32, got 20x64; make the shape larger");
  }

  @Test
  void activationListMustMatchClasses() {
    assertThatThrownBy(
            () ->
                ModelSpec.builder("ResNet50")
                    .classes(List.of(2, 3, 4))
                    .activations(List.of("softmax", "sigmoid"))
                    .build())
        .hasMessageContaining("one per entry of classes");
  }
}
