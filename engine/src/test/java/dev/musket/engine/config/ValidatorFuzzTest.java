package dev.musket.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.validate.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutates real configs 10,000 times (delete, duplicate, retype, truncate, splice random bytes): no
 * exception escapes the validator, no internal error is reported, and every diagnostic has a line.
 */
class ValidatorFuzzTest {

  private static final int MUTATIONS = 10_000;
  private static final String[] RETYPES = {
    "[1, 2",
    "{a: b}",
    "-3.5",
    "null",
    "!!str 7",
    "*alias",
    "&a x",
    "'quoted",
    "yes",
    "[]",
    "1e999",
    "\"\\u0000\"",
    "?",
    "|",
    ">-",
    "0x1F",
    "-.inf",
    "~"
  };

  @Test
  void tenThousandMutationsNeverThrowAndAlwaysPointAtALine() throws IOException {
    List<String> seeds = new ArrayList<>();
    seeds.add(TestConfigs.VALID);
    try (Stream<Path> files = Files.list(TestConfigs.referenceConfigs())) {
      for (Path p : files.sorted().toList()) {
        seeds.add(Files.readString(p));
      }
    }
    SplittableRandom random = new SplittableRandom(20261123);
    ExperimentLoader loader = new ExperimentLoader();
    for (int i = 0; i < MUTATIONS; i++) {
      String seed = seeds.get(random.nextInt(seeds.size()));
      String mutated = mutate(seed, random);
      List<Diagnostic> ds = loader.loadText(mutated, null).diagnostics();
      for (Diagnostic d : ds) {
        assertThat(d.line()).as("mutation %d:\n%s", i, mutated).isGreaterThanOrEqualTo(1);
        assertThat(d.message()).as("mutation %d:\n%s", i, mutated).doesNotContain("internal error");
      }
    }
  }

  static String mutate(String text, SplittableRandom r) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int rounds = 1 + r.nextInt(3);
    for (int k = 0; k < rounds && !lines.isEmpty(); k++) {
      int at = r.nextInt(lines.size());
      switch (r.nextInt(6)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> {
          String line = lines.get(at);
          int colon = line.indexOf(": ");
          lines.set(
              at,
              colon >= 0
                  ? line.substring(0, colon + 2) + RETYPES[r.nextInt(RETYPES.length)]
                  : line + " " + RETYPES[r.nextInt(RETYPES.length)]);
        }
        case 3 -> {
          String joined = String.join("\n", lines);
          return joined.substring(0, r.nextInt(joined.length() + 1));
        }
        case 4 -> {
          String line = lines.get(at);
          int pos = r.nextInt(line.length() + 1);
          StringBuilder junk = new StringBuilder();
          for (int j = 0, n = 1 + r.nextInt(6); j < n; j++) {
            junk.append((char) r.nextInt(1, 0x2FF));
          }
          lines.set(at, line.substring(0, pos) + junk + line.substring(pos));
        }
        default -> {
          String line = lines.get(at);
          lines.set(at, (r.nextBoolean() ? "  " : "") + line.stripLeading());
        }
      }
    }
    return String.join("\n", lines);
  }
}
