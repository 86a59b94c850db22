package dev.musket.editor.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Lines each long FX-thread pause up with what a JFR recording saw during it: what the FX thread
 * was doing (its execution samples, grouped by pulse phase and by the first frame of ours or of
 * RichTextFX), whether it was parked, GC pauses, allocation stalls and safepoints, JIT work and the
 * editor's own events, and how busy the machine was. One line per pause, then a summary of where
 * the time of all long pauses went.
 */
final class PauseAttribution {

  static final String FX_THREAD = "JavaFX Application Thread";

  /** The editor's and the typing test's own events (see AnalysisAppliedEvent and the others). */
  static final List<String> OUR_EVENTS =
      List.of(
          "dev.musket.editor.AnalysisApplied",
          "dev.musket.editor.CompletionRefresh",
          "dev.musket.editor.GutterUpdate",
          KeyTyper.KeyHandled.NAME);

  private final List<RecordedEvent> events;

  private PauseAttribution(List<RecordedEvent> events) {
    this.events = events;
  }

  /** The attribution of {@code pauses} from the recording in {@code file}. */
  static String of(Path file, List<FxPauseMonitor.Pause> pauses) throws IOException {
    return new PauseAttribution(RecordingFile.readAllEvents(file)).describe(pauses);
  }

  private String describe(List<FxPauseMonitor.Pause> pauses) {
    StringBuilder out = new StringBuilder();
    Map<String, Integer> allSamples = new TreeMap<>();
    double waited = 0;
    double fxCpu = 0;
    for (FxPauseMonitor.Pause pause : pauses) {
      Instant from = pause.start();
      Instant to = pause.end();
      Map<String, Integer> samples = fxSamples(from, to);
      samples.forEach((k, v) -> allSamples.merge(k, v, Integer::sum));
      waited += pause.waitMs();
      fxCpu += Math.max(0, pause.fxCpuMs());
      out.append(
          String.format(
              Locale.ROOT,
              "pause %s %.1f ms: FX thread on CPU %.1f ms, renderer CPU %.1f ms, machine %s%n",
              from,
              pause.waitMs(),
              pause.fxCpuMs(),
              pause.renderCpuMs(),
              machineLoad(from, to)));
      out.append("  FX samples: ").append(top(samples, 4)).append('\n');
      appendIfAny(out, "  FX parked/blocked: ", fxWaits(from, to));
      appendIfAny(out, "  GC/VM: ", vmEvents(from, to));
      appendIfAny(out, "  JIT: ", jit(from, to));
      appendIfAny(out, "  ours: ", ours(from, to));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%d pauses over %.0f ms: %.0f ms waited, FX thread on CPU for %.0f ms of it (%.0f%%)%n",
            pauses.size(),
            FxPauseMonitor.LONG_PAUSE_MS,
            waited,
            fxCpu,
            waited == 0 ? 0 : 100 * fxCpu / waited));
    out.append("FX samples in all long pauses: ").append(top(allSamples, 12)).append('\n');
    return out.toString();
  }

  private static void appendIfAny(StringBuilder out, String label, String text) {
    if (!text.isEmpty()) {
      out.append(label).append(text).append('\n');
    }
  }

  private static boolean overlaps(RecordedEvent e, Instant from, Instant to) {
    Instant end = e.getEndTime();
    return !end.isBefore(from) && !e.getStartTime().isAfter(to);
  }

  private static boolean onFxThread(RecordedEvent e, String field) {
    if (!e.hasField(field)) {
      return false;
    }
    RecordedThread thread = e.getThread(field);
    return thread != null && FX_THREAD.equals(thread.getJavaName());
  }

  private static String name(RecordedEvent e) {
    return e.getEventType().getName();
  }

  private Map<String, Integer> fxSamples(Instant from, Instant to) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (RecordedEvent e : events) {
      boolean sample =
          name(e).equals("jdk.ExecutionSample") || name(e).equals("jdk.NativeMethodSample");
      if (sample && onFxThread(e, "sampledThread") && overlaps(e, from, to)) {
        String label =
            (name(e).equals("jdk.NativeMethodSample") ? "native " : "")
                + StackLabel.of(e.getStackTrace());
        counts.merge(label, 1, Integer::sum);
      }
    }
    return counts;
  }

  private String fxWaits(Instant from, Instant to) {
    List<String> waits = new ArrayList<>();
    for (RecordedEvent e : events) {
      String n = name(e);
      boolean waiting =
          n.equals("jdk.ThreadPark")
              || n.equals("jdk.JavaMonitorEnter")
              || n.equals("jdk.JavaMonitorWait");
      if (waiting && onFxThread(e, "eventThread") && overlaps(e, from, to)) {
        waits.add(
            String.format(
                Locale.ROOT,
                "%s %.1f ms in %s",
                n.substring(4),
                ms(e.getDuration()),
                StackLabel.topFrames(e.getStackTrace(), 3)));
      }
    }
    return String.join("; ", waits);
  }

  private String vmEvents(Instant from, Instant to) {
    Map<String, double[]> byName = new TreeMap<>();
    for (RecordedEvent e : events) {
      String n = name(e);
      String key =
          switch (n) {
            case "jdk.GCPhasePause", "jdk.GCPhaseConcurrent" -> e.getString("name");
            case "jdk.ZAllocationStall" -> "ALLOCATION STALL";
            case "jdk.SafepointBegin" -> "safepoint";
            case "jdk.ExecuteVMOperation" -> "VM op " + e.getString("operation");
            default -> null;
          };
      if (key != null && overlaps(e, from, to)) {
        byName.computeIfAbsent(key, k -> new double[2])[0]++;
        byName.get(key)[1] += ms(e.getDuration());
      }
    }
    return byName.entrySet().stream()
        .map(
            en ->
                String.format(
                    Locale.ROOT,
                    "%s x%.0f %.1f ms",
                    en.getKey(),
                    en.getValue()[0],
                    en.getValue()[1]))
        .collect(Collectors.joining(", "));
  }

  private String jit(Instant from, Instant to) {
    int compilations = 0;
    double compileMs = 0;
    int fxDeopts = 0;
    for (RecordedEvent e : events) {
      if (!overlaps(e, from, to)) {
        continue;
      }
      if (name(e).equals("jdk.Compilation")) {
        compilations++;
        compileMs += ms(e.getDuration());
      } else if (name(e).equals("jdk.Deoptimization") && onFxThread(e, "eventThread")) {
        fxDeopts++;
      }
    }
    if (compilations == 0 && fxDeopts == 0) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "%d compilations (%.1f ms on compiler threads), %d deoptimizations on the FX thread",
        compilations,
        compileMs,
        fxDeopts);
  }

  private String ours(Instant from, Instant to) {
    List<String> found = new ArrayList<>();
    for (RecordedEvent e : events) {
      if (OUR_EVENTS.contains(name(e)) && overlaps(e, from, to)) {
        String n = name(e);
        found.add(
            String.format(
                Locale.ROOT,
                "%s %.1f ms%s",
                n.substring(n.lastIndexOf('.') + 1),
                ms(e.getDuration()),
                e.getFields().stream()
                    .filter(f -> !f.getName().matches("startTime|duration|eventThread|stackTrace"))
                    .map(f -> " " + f.getName() + "=" + e.getValue(f.getName()))
                    .collect(Collectors.joining())));
      }
    }
    return String.join("; ", found);
  }

  private String machineLoad(Instant from, Instant to) {
    double machine = 0;
    double jvm = 0;
    int n = 0;
    // CPULoad covers the period before its timestamp: take those ending in or just after the pause
    Instant until = to.plusMillis(50);
    for (RecordedEvent e : events) {
      if (name(e).equals("jdk.CPULoad")
          && !e.getStartTime().isBefore(from)
          && !e.getStartTime().isAfter(until)) {
        machine += e.getFloat("machineTotal");
        jvm += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
        n++;
      }
    }
    if (n == 0) {
      return "load n/a";
    }
    return String.format(
        Locale.ROOT, "%.0f%% busy (this JVM %.0f%%)", 100 * machine / n, 100 * jvm / n);
  }

  private static String top(Map<String, Integer> counts, int limit) {
    if (counts.isEmpty()) {
      return "none (not running Java code)";
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(limit)
        .map(en -> en.getValue() + "x " + en.getKey())
        .collect(Collectors.joining(" | "));
  }

  private static double ms(Duration d) {
    return d.toNanos() / 1e6;
  }

  /** Names what a stack was doing, in a few words. */
  static final class StackLabel {

    private StackLabel() {}

    static String of(RecordedStackTrace stack) {
      if (stack == null) {
        return "?";
      }
      List<RecordedFrame> frames = stack.getFrames();
      String phase = phase(frames);
      if (phase.equals("other") && stack.isTruncated()) {
        phase = "deep stack";
      }
      return phase + " > " + focus(frames);
    }

    /** Which part of the FX thread's work: a pulse's CSS, layout or render sync, or an event. */
    private static String phase(List<RecordedFrame> frames) {
      String phase = "other";
      for (int i = frames.size() - 1; i >= 0; i--) {
        String m = method(frames.get(i));
        if (m.contains("KeyTyper")) {
          phase = "key";
        } else if (m.endsWith("AsyncAnalysis.apply")) {
          phase = "analysis applied";
        } else if (m.contains("Scene.doCSSPass")) {
          return "pulse CSS";
        } else if (m.contains("Scene.doLayoutPass")) {
          return "pulse layout";
        } else if (m.contains("ScenePeerPaintListener")
            || m.contains("Scene$ScenePulseListener.synchronize")) {
          return "pulse sync";
        } else if (m.contains("waitForRenderingToComplete") || m.contains("PaintCollector")) {
          return "pulse render wait";
        } else if (m.contains("AnimationPulse") || m.contains("PrimaryTimer")) {
          phase = "animation/timer";
        }
      }
      return phase;
    }

    /** The first frame (from the top) of ours, else of RichTextFX/Flowless, else the top frame. */
    private static String focus(List<RecordedFrame> frames) {
      for (RecordedFrame f : frames) {
        String m = method(f);
        if (m.startsWith("dev.musket.") && !m.startsWith("dev.musket.editor.ui.")) {
          return "ours " + shortName(m);
        }
      }
      for (RecordedFrame f : frames) {
        String m = method(f);
        if (m.startsWith("org.fxmisc.") || m.startsWith("org.reactfx.")) {
          return shortName(m);
        }
      }
      return frames.isEmpty() ? "?" : shortName(method(frames.get(0)));
    }

    static String topFrames(RecordedStackTrace stack, int n) {
      if (stack == null) {
        return "?";
      }
      return stack.getFrames().stream()
          .limit(n)
          .map(f -> shortName(method(f)))
          .collect(Collectors.joining(" < "));
    }

    private static String method(RecordedFrame f) {
      return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String shortName(String qualified) {
      String[] parts = qualified.split("\\.");
      return parts.length < 2 ? qualified : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
  }
}
