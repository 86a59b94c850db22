package dev.musket.engine.data.split;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the JSON fixtures {@code make_split_fixtures.py} writes beside it (JSON is YAML: SnakeYAML,
 * already the config parser, reads it) and turns their cases into test arguments.
 */
final class SplitFixtures {
  private SplitFixtures() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> load(String resource) {
    try (InputStream in = SplitFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is missing from the test resources; run make_split_fixtures.py");
      }
      return (Map<String, Object>) new Yaml(new LoaderOptions()).load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The cases under {@code kind}, each as (a readable name, the case). */
  @SuppressWarnings("unchecked")
  static Stream<Arguments> cases(Map<String, Object> fixture, String kind) {
    return ((List<Map<String, Object>>) fixture.get(kind))
        .stream().map(c -> Arguments.of(describe(c), c));
  }

  /** The case's scalar entries, {@code k=v, ...}. */
  static String describe(Map<String, Object> c) {
    StringBuilder sb = new StringBuilder();
    c.forEach(
        (k, v) -> {
          if (!(v instanceof List<?>) && !(v instanceof Map<?, ?>)) {
            sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v);
          }
        });
    return sb.toString();
  }

  static int integer(Map<String, Object> c, String key) {
    return ((Number) c.get(key)).intValue();
  }

  static long longValue(Map<String, Object> c, String key) {
    return ((Number) c.get(key)).longValue();
  }

  static double number(Map<String, Object> c, String key) {
    return ((Number) c.get(key)).doubleValue();
  }

  static int[] ints(Object list) {
    return ((List<?>) list).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
  }

  static long[] longs(Object list) {
    return ((List<?>) list).stream().mapToLong(v -> ((Number) v).longValue()).toArray();
  }

  static int[] sorted(int[] a) {
    int[] s = a.clone();
    Arrays.sort(s);
    return s;
  }
}
