package dev.musket.app.state;

import java.time.LocalTime;

/** One line of the console panel. */
public record LogLine(LocalTime time, Level level, String source, String message) {

  public enum Level {
    INFO,
    WARN,
    ERROR
  }

  @Override
  public String toString() {
    return String.format("%tT %-5s %s: %s", time, level, source, message);
  }
}
