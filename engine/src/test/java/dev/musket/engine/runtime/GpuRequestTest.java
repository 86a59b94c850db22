package dev.musket.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.engine.testing.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Musket's GPU flags: checked when given, described as given, reported when the CPU trains. */
class GpuRequestTest {

  @Test
  void flagsNotGivenAreNoRequestAndMeanOneDevice() {
    assertThat(GpuRequest.NONE.isEmpty()).isTrue();
    assertThat(GpuRequest.NONE.devices()).isEqualTo(1);
    assertThat(GpuRequest.NONE.devicesPerNet()).isEqualTo(1);
    assertThat(GpuPlacement.apply(GpuRequest.NONE)).isEmpty();
  }

  @Test
  void theFlagsAreDescribedAsGiven() {
    assertThat(new GpuRequest(2, null).describe()).isEqualTo("--num_gpus 2");
    assertThat(new GpuRequest(null, 1).describe()).isEqualTo("--gpus_per_net 1");
    assertThat(new GpuRequest(4, 2).describe()).isEqualTo("--num_gpus 4 --gpus_per_net 2");
  }

  @Test
  void impossibleCountsAreRefusedNamingTheFlag() {
    assertThatThrownBy(() -> new GpuRequest(0, null))
        .hasMessage("--num_gpus must be at least 1, got 0");
    assertThatThrownBy(() -> new GpuRequest(null, -1))
        .hasMessage("--gpus_per_net must be at least 1, got -1");
    assertThatThrownBy(() -> new GpuRequest(2, 3))
        .hasMessage("--gpus_per_net 3 is more than --num_gpus 2");
  }

  @Test
  void onTheCpuTheyAreReportedAsIgnoredNotDropped() {
    assertThat(GpuPlacement.apply(new GpuRequest(2, 2)))
        .containsExactly(
            "--num_gpus 2 --gpus_per_net 2 ignored: this build trains on the CPU (build with `mvn"
                + " -Pcuda` to train on a GPU)");
  }

  @Test
  void fitRefusesImpossibleCountsAsAUsageError(@TempDir Path project) {
    CliRun run =
        CliRun.of("fit", "--project", project.toString(), "--num_gpus", "2", "--gpus_per_net", "3");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--gpus_per_net 3 is more than --num_gpus 2");
  }
}
