package dev.musket.engine.train.callbacks;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The shape of an {@link LRVariator} window: maps the position {@code x} in {@code [0, 1]} to the
 * fraction of the way from {@code fromVal} to {@code toVal}, exactly as Musket's {@code
 * lr_variation_callback.py} does.
 *
 * <pre>
 * const  0                  linear  x
 * sin, sin+  sin(pi x / 2)  sin-    1 - sin(pi x / 2)
 * cos, cos-  cos(pi x / 2)  cos+    1 - cos(pi x / 2)
 * a (a positive number)     x^a
 * </pre>
 */
public record LrCurve(String style, DoubleUnaryOperator shape) {

  public static final List<String> NAMED =
      List.of("const", "linear", "sin", "sin+", "sin-", "cos", "cos-", "cos+");

  public double at(double x) {
    return shape.applyAsDouble(x);
  }

  /**
   * Parses a style as written in YAML: one of {@link #NAMED} or a positive number (a number or
   * numeric text).
   *
   * @throws IllegalArgumentException with Musket's message otherwise
   */
  public static LrCurve parse(Object style) {
    if (style instanceof String s) {
      DoubleUnaryOperator named = named(s);
      if (named != null) {
        return new LrCurve(s, named);
      }
      try {
        return power(s, Double.parseDouble(s.strip()));
      } catch (NumberFormatException e) {
        throw invalid(s);
      }
    }
    if (style instanceof Number n) {
      return power(String.valueOf(style), n.doubleValue());
    }
    throw invalid(style);
  }

  private static LrCurve power(String text, double a) {
    if (!(a > 0) || Double.isInfinite(a)) {
      throw invalid(text);
    }
    return new LrCurve(text, x -> Math.pow(x, a));
  }

  private static DoubleUnaryOperator named(String s) {
    return switch (s) {
      case "const" -> x -> 0;
      case "linear" -> x -> x;
      case "sin", "sin+" -> x -> Math.sin(Math.PI * x / 2);
      case "sin-" -> x -> 1 - Math.sin(Math.PI * x / 2);
      case "cos", "cos-" -> x -> Math.cos(Math.PI * x / 2);
      case "cos+" -> x -> 1 - Math.cos(Math.PI * x / 2);
      default -> null;
    };
  }

  private static IllegalArgumentException invalid(Object style) {
    return new IllegalArgumentException(
        "LRVariator 'style' must be a positive number or one of "
            + String.join(", ", NAMED.stream().map(n -> "'" + n + "'").toList())
            + ", but "
            + style
            + " has been received");
  }
}
