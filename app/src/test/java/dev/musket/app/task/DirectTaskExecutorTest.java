package dev.musket.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectTaskExecutorTest {

  private final DirectTaskExecutor executor = new DirectTaskExecutor();

  @Test
  void deliversResultOrFailureAndForgetsFinishedTasks() {
    List<Object> seen = new ArrayList<>();
    executor.submit("ok", ctx -> 42, seen::add, seen::add);
    IllegalStateException boom = new IllegalStateException("boom");
    executor.submit(
        "bad",
        ctx -> {
          throw boom;
        },
        seen::add,
        seen::add);
    assertThat(seen).containsExactly(42, boom);
    assertThat(executor.activeTasks()).isEmpty();
  }

  @Test
  void aTaskCancelledWhileRunningDeliversNothing() {
    List<Object> seen = new ArrayList<>();
    executor.submit(
        "cancelled",
        ctx -> {
          executor.activeTasks().get(0).cancel();
          return ctx.isCancelled();
        },
        seen::add,
        seen::add);
    assertThat(seen).isEmpty();
  }

  @Test
  void repeatingActionsRunOnTickUntilCancelled() {
    List<String> ticks = new ArrayList<>();
    TaskExecutor.Cancellable repeat = executor.every(Duration.ofMillis(100), () -> ticks.add("t"));
    executor.tick();
    executor.tick();
    repeat.cancel();
    executor.tick();
    assertThat(ticks).hasSize(2);
  }

  @Test
  void latestRequestDeliversEachRequestOnceWhenWorkIsImmediate() {
    List<Object> seen = new ArrayList<>();
    LatestRequest<String> previews =
        new LatestRequest<>(executor, "preview", Duration.ofMillis(300));
    previews.request(ctx -> "first", seen::add, seen::add);
    previews.request(ctx -> "second", seen::add, seen::add);
    assertThat(seen).containsExactly("first", "second");
  }
}
