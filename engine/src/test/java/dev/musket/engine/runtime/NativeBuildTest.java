package dev.musket.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;

// the oneDNN CPU path: not used, and not there to test, in a -Pcuda build
@DisabledIf("dev.musket.engine.runtime.ComputeBackend#cudaOnClasspath")
class NativeBuildTest {

  private static final String CPUINFO =
      "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu sse2 avx avx2 avx512f avx512bw\n"
          + "bugs\t\t: spectre_v1\n\nprocessor\t: 1\nflags\t\t: fpu\n";

  @Test
  void readsTheFlagsOfTheFirstProcessor() {
    assertThat(CpuFlags.parse(CPUINFO)).contains("avx2", "avx512f").doesNotContain("spectre_v1");
  }

  @Test
  void anAvx512CpuGetsTheOneDnnAvx512Build() {
    assertThat(NativeBuild.bestFor(Set.of("avx2", "avx512f"))).isEqualTo(NativeBuild.ONEDNN_AVX512);
  }

  @Test
  void anAvx2CpuGetsTheOneDnnAvx2Build() {
    assertThat(NativeBuild.bestFor(Set.of("avx", "avx2"))).isEqualTo(NativeBuild.ONEDNN_AVX2);
  }

  @Test
  void anOlderCpuGetsTheGenericBuild() {
    assertThat(NativeBuild.bestFor(Set.of("sse2"))).isEqualTo(NativeBuild.GENERIC);
    assertThat(CpuFlags.parse("no flags here")).isEmpty();
  }

  @Test
  void bothOneDnnBuildsAreOnTheClasspath() {
    assertThat(NativeRuntime.chooseBuild(Set.of("avx512f"))).isEqualTo(NativeBuild.ONEDNN_AVX512);
    assertThat(NativeRuntime.chooseBuild(Set.of("avx2"))).isEqualTo(NativeBuild.ONEDNN_AVX2);
  }

  @Test
  void theRuntimeLoadedTheBuildChosenForThisCpu() {
    RuntimeReport report = NativeRuntime.initialize();
    NativeBuild expected = NativeRuntime.chooseBuild(CpuFlags.ofThisMachine());
    assertThat(report.nativeBuild()).isEqualTo(expected.classifier());
    assertThat(report.oneDnnEnabled()).isEqualTo(expected.hasOneDnn());
    assertThat(report.summary()).contains(expected.classifier(), "threads");
  }
}
