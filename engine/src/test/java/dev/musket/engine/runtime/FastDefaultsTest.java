package dev.musket.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class FastDefaultsTest {

  @Test
  void aGraphCachesForwardOutputsAndKeepsWorkspacesOnInFloat32() {
    ComputationGraphConfiguration conf =
        FastDefaults.builder()
            .graphBuilder()
            .addInputs("in")
            .addLayer("out", new OutputLayer.Builder().nIn(2).nOut(2).build(), "in")
            .setOutputs("out")
            .build();
    assertThat(conf.getCacheMode()).isEqualTo(CacheMode.HOST);
    assertThat(conf.getTrainingWorkspaceMode()).isEqualTo(WorkspaceMode.ENABLED);
    assertThat(conf.getInferenceWorkspaceMode()).isEqualTo(WorkspaceMode.ENABLED);
    assertThat(conf.getDataType()).isEqualTo(DataType.FLOAT);
  }
}
