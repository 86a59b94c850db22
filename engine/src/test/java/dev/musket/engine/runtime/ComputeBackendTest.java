package dev.musket.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ComputeBackendTest {

  @Test
  void namesTheFirstCudaDeviceAndCountsTheOthers() {
    Properties env = new Properties();
    env.put(
        "cuda.devicesInformation",
        List.of(
            Map.of("cuda.deviceName", "NVIDIA H100"), Map.of("cuda.deviceName", "NVIDIA H100")));
    assertThat(ComputeBackend.deviceName(env)).isEqualTo("NVIDIA H100 (+1)");
  }

  @Test
  void fallsBackToCudaWhenTheDeviceIsNotDescribed() {
    assertThat(ComputeBackend.deviceName(new Properties())).isEqualTo("CUDA");
  }

  @Test
  void theCpuBackendIsCpu() {
    assertThat(ComputeBackend.describe()).isEqualTo("CPU");
  }
}
