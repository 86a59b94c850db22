package dev.musket.editor.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Measures how long the FX thread is unavailable: a background thread pings it with {@code
 * runLater} about every millisecond and records how long each ping waits to run. The longest wait
 * is the longest pause a user would feel (event handling, layout, CSS and rendering included).
 */
public final class FxPauseMonitor implements AutoCloseable {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile long longestNanos;
  private volatile long longestPostedAtMillis;
  private volatile long pings;
  private final List<Long> waits = Collections.synchronizedList(new ArrayList<>());

  public FxPauseMonitor() {
    thread = new Thread(this::run, "fx-pause-monitor");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running.get()) {
      CountDownLatch ran = new CountDownLatch(1);
      long posted = System.nanoTime();
      Platform.runLater(ran::countDown);
      try {
        ran.await(10, TimeUnit.SECONDS);
        long waited = System.nanoTime() - posted;
        if (waited > longestNanos) {
          longestNanos = waited;
          longestPostedAtMillis = System.currentTimeMillis() - waited / 1_000_000;
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

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(2000);
  }
}
