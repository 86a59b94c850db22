package dev.musket.engine.train.callbacks;

import java.util.Map;

/**
 * Reads callback state maps back after a YAML round trip, where numbers may come back as another
 * boxed type ({@code Integer} for a {@code Long}, {@code Double} for infinity written as {@code
 * .inf}).
 */
final class StateMaps {

  private StateMaps() {}

  static double number(Map<String, Object> state, String key, double fallback) {
    Object v = state.get(key);
    return v instanceof Number n ? n.doubleValue() : fallback;
  }

  static Double numberOrNull(Map<String, Object> state, String key) {
    Object v = state.get(key);
    return v instanceof Number n ? n.doubleValue() : null;
  }

  static int integer(Map<String, Object> state, String key, int fallback) {
    Object v = state.get(key);
    return v instanceof Number n ? n.intValue() : fallback;
  }

  static long longValue(Map<String, Object> state, String key, long fallback) {
    Object v = state.get(key);
    return v instanceof Number n ? n.longValue() : fallback;
  }

  static boolean bool(Map<String, Object> state, String key, boolean fallback) {
    Object v = state.get(key);
    return v instanceof Boolean b ? b : fallback;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<String, Object> state, String key) {
    Object v = state.get(key);
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
