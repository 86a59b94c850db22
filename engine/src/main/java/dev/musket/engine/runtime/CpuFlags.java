package dev.musket.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the instruction-set flags of this CPU from {@code /proc/cpuinfo}, the one source that needs
 * no native code: the native build must be chosen before any native library is loaded.
 */
final class CpuFlags {

  static final Path CPUINFO = Path.of("/proc/cpuinfo");

  private CpuFlags() {}

  /** The flags of this machine's CPU, or an empty set where {@code /proc/cpuinfo} is unreadable. */
  static Set<String> ofThisMachine() {
    try {
      return parse(Files.readString(CPUINFO));
    } catch (IOException | RuntimeException e) {
      return Set.of();
    }
  }

  /** The flags of the first processor listed in a {@code /proc/cpuinfo} text. */
  static Set<String> parse(String cpuinfo) {
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals("flags")) {
        return new TreeSet<>(Arrays.asList(line.substring(colon + 1).trim().split("\\s+")));
      }
    }
    return Set.of();
  }
}
