package dev.musket.editor.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Measures how long the FX thread is unavailable: a background thread pings it with {@code
 * runLater} about every millisecond and records how long each ping waits to run. The longest wait
 * is the longest pause a user would feel (event handling, layout, CSS and rendering included).
 *
 * <p>Every wait over {@link #LONG_PAUSE_MS} is also kept as a {@link Pause} with its start time and
 * the CPU time the FX thread and the renderer thread used meanwhile, so it can be attributed: a
 * pause in which the FX thread computed for most of the wait is work on the FX thread; one in which
 * it hardly ran was spent waiting (for a CPU, for the renderer, for a safepoint).
 */
public final class FxPauseMonitor implements AutoCloseable {

  /** Waits longer than this are kept as {@link Pause}s for attribution. */
  public static final double LONG_PAUSE_MS = 30;

  /**
   * One long wait.
   *
   * @param start when the ping was posted (wall clock, comparable with JFR event times)
   * @param waitMs how long it waited
   * @param fxCpuMs CPU time the FX thread used while it waited (-1 when not measurable)
   * @param renderCpuMs CPU time the renderer thread (QuantumRenderer) used meanwhile (-1 if
   *     unknown)
   */
  public record Pause(Instant start, double waitMs, double fxCpuMs, double renderCpuMs) {

    /** When the wait ended. */
    public Instant end() {
      return start.plusNanos((long) (waitMs * 1e6));
    }
  }

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final long fxThreadId;
  private final long renderThreadId;
  private final long epochNanosAtStart;
  private final long nanoTimeAtStart;
  private volatile long longestNanos;
  private volatile long longestPostedAtMillis;
  private volatile long pings;
  private final List<Long> waits = Collections.synchronizedList(new ArrayList<>());
  private final List<Pause> longPauses = Collections.synchronizedList(new ArrayList<>());

  /** Starts pinging; call from any thread but the FX thread. */
  public FxPauseMonitor() {
    fxThreadId = fxThreadId();
    renderThreadId = renderThreadId();
    Instant now = Instant.now();
    nanoTimeAtStart = System.nanoTime();
    epochNanosAtStart = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    thread = new Thread(this::run, "fx-pause-monitor");
    thread.setDaemon(true);
    thread.start();
  }

  private static long fxThreadId() {
    if (Platform.isFxApplicationThread()) {
      throw new IllegalStateException("FxPauseMonitor must not be started on the FX thread");
    }
    CompletableFuture<Long> id = new CompletableFuture<>();
    Platform.runLater(() -> id.complete(Thread.currentThread().getId()));
    try {
      return id.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the FX thread did not answer within 10 s", e);
    }
  }

  /** The id of JavaFX's renderer thread, or -1 when there is none (Monocle's headless mode). */
  private long renderThreadId() {
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("QuantumRenderer")) {
        return info.getThreadId();
      }
    }
    return -1;
  }

  private long cpuNanos(long threadId) {
    return threadId < 0 ? -1 : threads.getThreadCpuTime(threadId);
  }

  private static double millisBetween(long before, long after) {
    return before < 0 || after < 0 ? -1 : (after - before) / 1e6;
  }

  private void run() {
    while (running.get()) {
      CountDownLatch ran = new CountDownLatch(1);
      long fxCpu = cpuNanos(fxThreadId);
      long renderCpu = cpuNanos(renderThreadId);
      long posted = System.nanoTime();
      Platform.runLater(ran::countDown);
      try {
        ran.await(10, TimeUnit.SECONDS);
        long waited = System.nanoTime() - posted;
        if (waited > longestNanos) {
          longestNanos = waited;
          longestPostedAtMillis = System.currentTimeMillis() - waited / 1_000_000;
        }
        if (waited / 1e6 > LONG_PAUSE_MS) {
          longPauses.add(
              new Pause(
                  wallClock(posted),
                  waited / 1e6,
                  millisBetween(fxCpu, cpuNanos(fxThreadId)),
                  millisBetween(renderCpu, cpuNanos(renderThreadId))));
        }
        waits.add(waited);
        pings++;
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Instant wallClock(long nanoTime) {
    long epochNanos = epochNanosAtStart + (nanoTime - nanoTimeAtStart);
    return Instant.ofEpochSecond(0, epochNanos);
  }

  /** The longest wait seen so far, in milliseconds. */
  public double longestMillis() {
    return longestNanos / 1e6;
  }

  /** When the longest wait began (epoch milliseconds), to line it up with what the test did. */
  public long longestPostedAtMillis() {
    return longestPostedAtMillis;
  }

  /** The wait below which {@code fraction} of the pings ran, in milliseconds. */
  public double percentileMillis(double fraction) {
    List<Long> sorted;
    synchronized (waits) {
      sorted = new ArrayList<>(waits);
    }
    if (sorted.isEmpty()) {
      return 0;
    }
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(fraction * sorted.size())))
        / 1e6;
  }

  /** How many pings waited longer than {@code millis}. */
  public long countOver(double millis) {
    synchronized (waits) {
      return waits.stream().filter(w -> w / 1e6 > millis).count();
    }
  }

  public long pings() {
    return pings;
  }

  /** The waits over {@link #LONG_PAUSE_MS} so far, in the order they happened. */
  public List<Pause> longPauses() {
    synchronized (longPauses) {
      return List.copyOf(longPauses);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(2000);
  }
}
