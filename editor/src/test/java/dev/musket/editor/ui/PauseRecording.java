package dev.musket.editor.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A JFR recording around a pause measurement, taken only when the system property {@value
 * #PROPERTY} names a folder: it samples the threads every 5 ms and keeps GC phases, safepoints,
 * parks, JIT work, CPU load and the editor's own events, then {@link PauseAttribution} lines each
 * long pause up with them. Without the property it does nothing, so the tests run as usual.
 *
 * <pre>
 * xvfb-run -a mvn -B -q -pl editor test -Dtest=TypingPauseUiTest -Dfx.pauses.jfr=/tmp/jfr
 * </pre>
 */
public final class PauseRecording implements AutoCloseable {

  /** The system property naming the folder that receives the recordings. */
  public static final String PROPERTY = "fx.pauses.jfr";

  private final Recording recording;
  private final String name;

  private PauseRecording(Recording recording, String name) {
    this.recording = recording;
    this.name = name;
  }

  /** Starts a recording named {@code name} if {@value #PROPERTY} is set; else a no-op one. */
  public static PauseRecording startIfAsked(String name) throws Exception {
    if (System.getProperty(PROPERTY) == null) {
      return new PauseRecording(null, name);
    }
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.setName(name);
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
    recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(5));
    recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(50));
    recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofMillis(50));
    for (String event :
        List.of(
            "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadSleep")) {
      recording.enable(event).withThreshold(Duration.ofMillis(2)).withStackTrace();
    }
    for (String event :
        List.of(
            "jdk.SafepointBegin",
            "jdk.ExecuteVMOperation",
            "jdk.GarbageCollection",
            "jdk.GCPhasePause",
            "jdk.GCPhaseConcurrent",
            "jdk.ZAllocationStall",
            "jdk.Compilation",
            "jdk.Deoptimization")) {
      recording.enable(event).withThreshold(Duration.ZERO);
    }
    for (String event : PauseAttribution.OUR_EVENTS) {
      recording.enable(event).withThreshold(Duration.ZERO);
    }
    recording.start();
    return new PauseRecording(recording, name);
  }

  /**
   * Stops the recording, writes it to the folder as {@code NAME.jfr} and returns the attribution of
   * {@code pauses}; an empty text when nothing was recorded.
   */
  public String attribute(List<FxPauseMonitor.Pause> pauses) throws IOException {
    if (recording == null) {
      return "";
    }
    recording.stop();
    Path dir = Path.of(System.getProperty(PROPERTY));
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".jfr");
    recording.dump(file);
    return "JFR recording " + file + "\n" + PauseAttribution.of(file, pauses);
  }

  @Override
  public void close() {
    if (recording != null) {
      recording.close();
    }
  }
}
