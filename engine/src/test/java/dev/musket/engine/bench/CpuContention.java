package dev.musket.engine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The share of the machine's CPUs that other processes used during a measurement, computed exactly
 * as the peer's {@code contention()} does, so every figure says how busy the machine was.
 */
final class CpuContention {

  private static final double CLOCK_TICKS = 100.0; // USER_HZ on Linux

  private final long startNanos = System.nanoTime();
  private final double startBusy = machineBusySeconds();
  private final double startOwn = ownCpuSeconds();

  /** Foreign CPU seconds / (wall seconds x CPUs) since this object was made. */
  double foreignFraction() {
    double wall = (System.nanoTime() - startNanos) / 1e9;
    double foreign =
        (machineBusySeconds() - startBusy) - (ownCpuSeconds() - startOwn); // others' CPU time
    int cpus = Runtime.getRuntime().availableProcessors();
    return Math.max(0, foreign) / Math.max(1e-9, wall * cpus);
  }

  private static double machineBusySeconds() {
    try {
      String[] v = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy =
          Long.parseLong(v[1])
              + Long.parseLong(v[2])
              + Long.parseLong(v[3])
              + Long.parseLong(v[6])
              + Long.parseLong(v[7]);
      return busy / CLOCK_TICKS;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static double ownCpuSeconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return 0;
  }
}
