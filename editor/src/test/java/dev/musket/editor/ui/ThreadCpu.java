package dev.musket.editor.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time used by each thread of this JVM between two snapshots, from Linux's {@code
 * /proc/self/task}: unlike Java's thread MXBean it includes the GC, JIT and renderer threads, so it
 * shows who competes with the FX thread for the CPUs. Threads of the same kind ({@code ZWorker#0},
 * {@code ZWorker#1}) are summed under one name. Elsewhere than on Linux it reports nothing.
 */
final class ThreadCpu {

  private static final double TICK_MS = 10; // USER_HZ is 100 on Linux

  private final Map<String, Long> ticksByName;

  private ThreadCpu(Map<String, Long> ticksByName) {
    this.ticksByName = ticksByName;
  }

  /** The CPU ticks used so far by each kind of thread of this JVM. */
  static ThreadCpu snapshot() {
    Map<String, Long> ticks = new HashMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return new ThreadCpu(ticks);
    }
    try (Stream<Path> threads = Files.list(tasks)) {
      threads.forEach(
          t -> {
            try {
              String stat = Files.readString(t.resolve("stat"));
              int open = stat.indexOf('(');
              int close = stat.lastIndexOf(')');
              String name = stat.substring(open + 1, close).replaceAll("[#\\d]+$", "").trim();
              String[] fields = stat.substring(close + 2).split(" ");
              // fields[11] and [12] are utime and stime (the 14th and 15th of the whole line)
              long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
              ticks.merge(name, used, Long::sum);
            } catch (IOException | RuntimeException e) {
              // the thread ended while we looked: it is left out
            }
          });
    } catch (IOException e) {
      return new ThreadCpu(ticks);
    }
    return new ThreadCpu(ticks);
  }

  /**
   * The CPU each kind of thread used since {@code before}, largest first, e.g. "C2 ... 1200 ms".
   */
  String since(ThreadCpu before) {
    Map<String, Long> used = new HashMap<>();
    ticksByName.forEach(
        (name, ticks) -> used.put(name, ticks - before.ticksByName.getOrDefault(name, 0L)));
    long total = used.values().stream().mapToLong(Long::longValue).sum();
    return String.format(Locale.ROOT, "%.0f ms in all: ", total * TICK_MS)
        + used.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(10)
            .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue() * TICK_MS))
            .collect(Collectors.joining(", "));
  }
}
