package dev.musket.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.task.DirectTaskExecutor;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {

  private final DirectTaskExecutor executor = new DirectTaskExecutor();
  private final AtomicLong used = new AtomicLong(100L << 20);

  private StatusBarViewModel model(String backend) {
    return new StatusBarViewModel(
        executor,
        () -> backend,
        new StatusBarViewModel.Heap() {
          @Override
          public long used() {
            return used.get();
          }

          @Override
          public long max() {
            return 4096L << 20;
          }
        });
  }

  @Test
  void showsHeapUseRefreshedOnEachTick() {
    StatusBarViewModel model = model("CPU");
    assertThat(model.memoryProperty().get()).isEqualTo("100 MiB of 4096 MiB");
    used.set(300L << 20);
    executor.tick();
    assertThat(model.memoryProperty().get()).isEqualTo("300 MiB of 4096 MiB");
  }

  @Test
  void showsTheBackendTheEngineReports() {
    assertThat(model("GPU: NVIDIA H100").backendProperty().get()).isEqualTo("GPU: NVIDIA H100");
  }

  @Test
  void followsTheOldestRunningTaskWithItsProgress() {
    StatusBarViewModel model = model("CPU");
    assertThat(model.taskProperty().get()).isEmpty();
    assertThat(model.busyProperty().get()).isFalse();

    executor.submit(
        "Training a",
        ctx -> {
          ctx.progress(0.5, "fold 1/2");
          assertThat(model.taskProperty().get()).isEqualTo("Training a \u2014 fold 1/2");
          assertThat(model.progressProperty().get()).isEqualTo(0.5);
          assertThat(model.busyProperty().get()).isTrue();
          return null;
        },
        ok -> {},
        failure -> {});

    assertThat(model.taskProperty().get()).isEmpty();
  }
}
