package dev.musket.editor.ui;

import java.util.List;
import java.util.Locale;
import javafx.scene.Node;

/**
 * The typing workload of the FX-pause tests, shared so the editor and a plain CodeArea baseline are
 * measured the same way: 2,000 characters of keys, values, comments and an unknown key, in 20
 * bursts of 100 keys with a 300 ms pause after each (long enough for the editor's 200 ms typing
 * pause to trigger an analysis while typing goes on).
 */
final class TypingSession {

  static final int CHARACTERS = 2000;
  static final int BURST = 100;
  static final int KEY_INTERVAL_MS = 8;
  static final int PAUSE_MS = 300;

  /** Typed (and removed) before measuring, so class loading and JIT are not counted. */
  static final String WARM_UP = "# warm up\nbatch: 16\noptim";

  /** Lines a user might type: keys with values, comments, a wrong key; no block openers. */
  private static final String[] LINES = {
    "# tuning notes for the next run\n",
    "batch: 32\n",
    "lr: 0.0005\n",
    "dropout: 0.25\n",
    "epohcs: 12\n",
    "inference_batch: 64\n",
  };

  /** What one session measured. */
  record Report(
      double longestMs,
      double p99Ms,
      double medianMs,
      long over50,
      long pings,
      double longestKeyMs,
      double seconds,
      List<FxPauseMonitor.Pause> longPauses,
      String threadCpu,
      String attribution) {

    String describe() {
      return String.format(
          Locale.ROOT,
          "longest %.1f ms, p99 %.1f ms, median %.1f ms, %d of %d pings over 50 ms;"
              + " longest key handling %.1f ms (%.1f s)",
          longestMs,
          p99Ms,
          medianMs,
          over50,
          pings,
          longestKeyMs,
          seconds);
    }

    /** Each wait over 30 ms with the FX thread's CPU time in it, and the JFR attribution if any. */
    String details() {
      StringBuilder out = new StringBuilder();
      out.append(System.lineSeparator()).append("  CPU by thread: ").append(threadCpu);
      for (FxPauseMonitor.Pause p : longPauses) {
        out.append(
            String.format(
                Locale.ROOT,
                "%n  %s wait %.1f ms, FX thread on CPU %.1f ms, renderer CPU %.1f ms",
                p.start(),
                p.waitMs(),
                p.fxCpuMs(),
                p.renderCpuMs()));
      }
      if (!attribution.isEmpty()) {
        out.append(System.lineSeparator()).append(attribution);
      }
      return out.toString();
    }
  }

  private TypingSession() {}

  /** The 2,000 characters typed. */
  static String text() {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (text.length() < CHARACTERS) {
      text.append(LINES[i++ % LINES.length]);
    }
    text.setLength(CHARACTERS - 1);
    return text.append('x').toString();
  }

  /**
   * Types {@link #text()} into {@code target} in bursts while monitoring the FX thread (and
   * recording with JFR as {@code name} when {@link PauseRecording#PROPERTY} is set).
   */
  static Report run(Node target, String name) throws Exception {
    String typed = text();
    long longestKey = 0;
    long start = System.nanoTime();
    ThreadCpu cpuBefore = ThreadCpu.snapshot();
    try (PauseRecording recording = PauseRecording.startIfAsked(name);
        FxPauseMonitor monitor = new FxPauseMonitor()) {
      for (int i = 0; i < typed.length(); i += BURST) {
        String burst = typed.substring(i, Math.min(typed.length(), i + BURST));
        longestKey = Math.max(longestKey, KeyTyper.type(target, burst, KEY_INTERVAL_MS));
        Thread.sleep(PAUSE_MS);
      }
      return new Report(
          monitor.longestMillis(),
          monitor.percentileMillis(0.99),
          monitor.percentileMillis(0.5),
          monitor.countOver(50),
          monitor.pings(),
          longestKey / 1e6,
          (System.nanoTime() - start) / 1e9,
          monitor.longPauses(),
          ThreadCpu.snapshot().since(cpuBefore),
          recording.attribute(monitor.longPauses()));
    }
  }
}
