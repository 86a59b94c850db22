package dev.musket.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class EncoderFreezingTest {

  private final ModelAssembler assembler = new ModelAssembler(TinyArchitecture.registry());
  private final ModelSpec spec =
      ModelSpec.builder(TinyArchitecture.NAME).shape(32, 32, 3).classes(2).build();

  private static DataSet batch() {
    Nd4j.getRandom().setSeed(7);
    INDArray labels = Nd4j.zeros(DataType.FLOAT, 4, 2);
    for (int i = 0; i < 4; i++) {
      labels.putScalar(i, i % 2, 1);
    }
    return new DataSet(Nd4j.rand(DataType.FLOAT, 4, 3, 32, 32), labels);
  }

  private static INDArray params(ComputationGraph network, String layer) {
    return network.getLayer(layer).params().dup();
  }

  @Test
  void freezingKeepsTheEncoderAndTrainsTheHead() {
    ComputationGraph frozen = EncoderFreezing.freeze(assembler.build(spec));
    assertThat(EncoderFreezing.isFrozen(frozen)).isTrue();
    INDArray conv = params(frozen, "stem_conv1");
    INDArray head = params(frozen, "head_output");
    frozen.fit(batch());
    assertThat(params(frozen, "stem_conv1")).isEqualTo(conv);
    assertThat(params(frozen, "head_output")).isNotEqualTo(head);
  }

  @Test
  void unfreezingTrainsEverythingFromTheSameParameters() {
    ComputationGraphConfiguration configuration = assembler.configuration(spec);
    ComputationGraph frozen = EncoderFreezing.freeze(assembler.build(spec));
    frozen.fit(batch());
    ComputationGraph unfrozen = EncoderFreezing.unfreeze(frozen, configuration);
    assertThat(EncoderFreezing.isFrozen(unfrozen)).isFalse();
    assertThat(unfrozen.params()).isEqualTo(frozen.params());
    INDArray conv = params(unfrozen, "stem_conv1");
    unfrozen.fit(batch());
    assertThat(params(unfrozen, "stem_conv1")).isNotEqualTo(conv);
  }
}
