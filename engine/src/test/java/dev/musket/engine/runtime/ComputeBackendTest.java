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
    assertThat(ComputeBackend.isCuda()).isFalse();
    assertThat(ComputeBackend.cudaOnClasspath()).as("this build has no nd4j-cuda").isFalse();
  }

  @Test
  void nd4jsCudaBackendClassIsRecognised() {
    assertThat(ComputeBackend.isCudaBackend("org.nd4j.linalg.jcublas.JCublasBackend")).isTrue();
    assertThat(ComputeBackend.isCudaBackend("org.nd4j.linalg.cpu.nativecpu.CpuBackend")).isFalse();
  }

  @Test
  void theCpuRuntimeReportSaysItIsTheCpuOnItsFastPath() {
    RuntimeReport report = NativeRuntime.initialize();
    assertThat(report.backend()).isEqualTo(RuntimeReport.CPU);
    assertThat(report.summary()).startsWith("native build linux-x86_64");
  }

  @Test
  void aCudaRuntimeReportSaysTheOneDnnPathIsNotUsed() {
    RuntimeReport cuda =
        new RuntimeReport(RuntimeReport.CUDA, "linux-x86_64-cudnn", "CUBLAS", 8, false, false);
    assertThat(cuda.fastPath()).isTrue();
    assertThat(cuda.summary())
        .startsWith("CUDA backend, native build linux-x86_64-cudnn, BLAS CUBLAS;")
        .contains("the oneDNN CPU path is not used");
  }
}
