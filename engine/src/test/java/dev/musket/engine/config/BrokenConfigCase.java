package dev.musket.engine.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of {@code broken-cases.txt}: a name, the config text and the exact diagnostics expected.
 *
 * <p>File format: {@code === name}, then the config; {@code @base} as first line starts from {@link
 * TestConfigs#VALID}, and {@code ~prefix} lines then remove the base's line starting with that
 * prefix; other lines are appended. {@code --- expect} starts the expected {@code L:C: severity:
 * message} lines.
 */
record BrokenConfigCase(String name, String text, List<String> expected) {

  @Override
  public String toString() {
    return name;
  }

  static List<BrokenConfigCase> load(String resource) throws IOException {
    String all;
    try (InputStream in = BrokenConfigCase.class.getResourceAsStream(resource)) {
      all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<BrokenConfigCase> cases = new ArrayList<>();
    for (String block : all.split("(?m)^=== ")) {
      if (block.isBlank()) {
        continue;
      }
      String name = block.substring(0, block.indexOf('\n'));
      String rest = block.substring(block.indexOf('\n') + 1);
      String[] parts = rest.split("(?m)^--- expect\\n", 2);
      List<String> expected = new ArrayList<>();
      if (parts.length > 1) {
        for (String line : parts[1].split("\n")) {
          if (!line.isBlank()) {
            expected.add(line);
          }
        }
      }
      cases.add(new BrokenConfigCase(name, configText(parts[0]), expected));
    }
    return cases;
  }

  private static String configText(String spec) {
    if (!spec.startsWith("@base\n")) {
      return spec;
    }
    List<String> lines = new ArrayList<>(List.of(TestConfigs.VALID.split("\n")));
    StringBuilder appended = new StringBuilder();
    for (String line : spec.substring("@base\n".length()).split("\n", -1)) {
      if (line.startsWith("~")) {
        String prefix = line.substring(1);
        lines.removeIf(l -> l.startsWith(prefix));
      } else if (!line.isEmpty()) {
        appended.append(line).append('\n');
      }
    }
    return String.join("\n", lines) + "\n" + appended;
  }
}
