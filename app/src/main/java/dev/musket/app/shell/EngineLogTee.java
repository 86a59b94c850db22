package dev.musket.app.shell;

import dev.musket.app.state.LogLine;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.TaskExecutor;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings the engine's warnings and errors into the console panel. The engine logs through slf4j,
 * bound to slf4j-simple, which writes to the standard error stream; this replaces that stream with
 * one that still writes everything to the real stderr (file descriptor 2) and also picks out the
 * {@code WARN} and {@code ERROR} lines.
 *
 * <p>Lines may come from any thread (training threads log); they are queued and handed to the FX
 * thread in batches, at most one pending {@link TaskExecutor#onUi} at a time, so a chatty engine
 * cannot flood the FX queue.
 */
public final class EngineLogTee extends OutputStream {

  /**
   * A line of slf4j-simple: {@code [WARN] Trainer - message} as the launcher's
   * simplelogger.properties configures it, or the default {@code [thread] WARN logger - message}.
   */
  private static final Pattern LINE =
      Pattern.compile("^(?:\\[[^\\]]*\\] )?\\[?(WARN|ERROR)\\]? ([^ ]+) - (.*)$");

  private final OutputStream original;
  private final WorkbenchState state;
  private final TaskExecutor executor;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final Queue<LogLine> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  EngineLogTee(OutputStream original, WorkbenchState state, TaskExecutor executor) {
    this.original = original;
    this.state = state;
    this.executor = executor;
  }

  /** Replaces the process's stderr with a tee into {@code state}'s log. */
  public static void install(WorkbenchState state, TaskExecutor executor) {
    // the real stderr, by its descriptor: System.err itself is what gets replaced
    OutputStream stderr = new FileOutputStream(FileDescriptor.err);
    System.setErr(
        new PrintStream(new EngineLogTee(stderr, state, executor), true, StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void write(int b) throws java.io.IOException {
    original.write(b);
    accept(b);
  }

  @Override
  public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
    original.write(bytes, off, len);
    for (int i = off; i < off + len; i++) {
      accept(bytes[i]);
    }
  }

  @Override
  public synchronized void flush() throws java.io.IOException {
    original.flush();
  }

  private void accept(int b) {
    if (b == '\n') {
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      parse(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    } else if (line.size() < 16_384) {
      line.write(b);
    }
  }

  private void parse(String text) {
    LogLine parsed = parseLine(text);
    if (parsed == null) {
      return;
    }
    pending.add(parsed);
    if (drainScheduled.compareAndSet(false, true)) {
      executor.onUi(this::drain);
    }
  }

  /** The log line for a WARN or ERROR line of slf4j-simple, or null for anything else. */
  static LogLine parseLine(String text) {
    Matcher m = LINE.matcher(text);
    if (!m.matches()) {
      return null;
    }
    String logger = m.group(2);
    String source = logger.substring(logger.lastIndexOf('.') + 1);
    return new LogLine(
        java.time.LocalTime.now(), LogLine.Level.valueOf(m.group(1)), source, m.group(3));
  }

  private void drain() {
    drainScheduled.set(false);
    List<LogLine> batch = new ArrayList<>();
    for (LogLine l; (l = pending.poll()) != null; ) {
      batch.add(l);
    }
    for (LogLine l : batch) {
      state.log(l.level(), l.source(), l.message());
    }
  }
}
