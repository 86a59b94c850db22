package dev.musket.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.state.LogLine;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.DirectTaskExecutor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EngineLogTeeTest {

  @Test
  void copiesEverythingAndBringsWarningsAndErrorsIntoTheLog() {
    WorkbenchState state = new WorkbenchState();
    ByteArrayOutputStream original = new ByteArrayOutputStream();
    PrintStream err =
        new PrintStream(
            new EngineLogTee(original, state, new DirectTaskExecutor()),
            true,
            StandardCharsets.UTF_8);

    err.println("[main] INFO dev.musket.engine.runtime.NativeRuntime - Engine runtime: fast");
    err.println("[fit-1] WARN dev.musket.engine.train.Trainer - lr is very high");
    err.print("[fit-1] ERROR org.nd4j.Foo - out of memory\r\n");
    err.println("[WARN] ResumePlanner - no resume point");
    err.println("[INFO] NativeRuntime - fast path");
    err.println("plain text");

    assertThat(original.toString(StandardCharsets.UTF_8)).contains("plain text", "INFO", "WARN");
    assertThat(state.log())
        .extracting(LogLine::level, LogLine::source, LogLine::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LogLine.Level.WARN, "Trainer", "lr is very high"),
            org.assertj.core.groups.Tuple.tuple(LogLine.Level.ERROR, "Foo", "out of memory"),
            org.assertj.core.groups.Tuple.tuple(
                LogLine.Level.WARN, "ResumePlanner", "no resume point"));
  }
}
