package dev.musket.engine.augment;

import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed, checked access to one augmenter's arguments, with the schema's defaults for absent ones.
 *
 * <p>Why: builders must never throw on a bad config. Every accessor records a {@link Diagnostic}
 * that quotes the bad value and returns a harmless value instead, so a whole tree is checked and
 * every problem reported in one pass.
 */
public final class AugmenterArgs {
  private final ComponentSpec spec;
  private final AugmenterSchema.Entry decl;
  private final List<Diagnostic> problems;
  private final AugmenterTreeBuilder builder;

  AugmenterArgs(
      ComponentSpec spec,
      AugmenterSchema.Entry decl,
      List<Diagnostic> problems,
      AugmenterTreeBuilder builder) {
    this.spec = spec;
    this.decl = decl;
    this.problems = problems;
    this.builder = builder;
  }

  public String name() {
    return spec.name();
  }

  /** The argument as written, else the schema default; empty when neither exists or it is null. */
  public Optional<ConfigNode> node(String param) {
    ConfigNode n = spec.args().get(param);
    if (n == null) {
      n = decl.param(param).map(AugmenterSchema.ParamSpec::defaultValue).orElse(null);
    }
    if (n instanceof ConfigNode.Scalar s && s.isNull()) {
      return Optional.empty();
    }
    return Optional.ofNullable(n);
  }

  public boolean isGiven(String param) {
    ConfigNode n = spec.args().get(param);
    return n != null && !(n instanceof ConfigNode.Scalar s && s.isNull());
  }

  /** A continuous parameter: a number, a [min, max] range, or a list to choose from. */
  public Param range(String param, double min, double max) {
    return node(param).map(n -> parseRange(n, param, false, min, max)).orElse(Param.constant(0));
  }

  /**
   * imgaug's "discrete or continuous" parameters (Add's value): whole-number ranges draw whole
   * numbers inclusively, ranges with a fractional end draw uniformly.
   */
  public Param discrete(String param, double min, double max) {
    Param p = range(param, min, max);
    if (p instanceof Param.Uniform u && u.a() == Math.rint(u.a()) && u.b() == Math.rint(u.b())) {
      return new Param.IntUniform((long) u.a(), (long) u.b());
    }
    return p;
  }

  /** A whole-number parameter: an integer, an inclusive [min, max] range, or a list. */
  public Param intRange(String param, double min, double max) {
    return node(param).map(n -> parseRange(n, param, true, min, max)).orElse(Param.constant(0));
  }

  /** An {@code xy} parameter: a range shared by both axes, or {@code {x: range, y: range}}. */
  public XyParam xy(String param, double min, double max, double absent) {
    Optional<ConfigNode> given = node(param);
    if (given.isEmpty()) {
      return XyParam.same(Param.constant(absent));
    }
    if (given.get() instanceof ConfigNode.Mapping map) {
      Param x = map.get("x").map(n -> parseRange(n, param, false, min, max)).orElse(null);
      Param y = map.get("y").map(n -> parseRange(n, param, false, min, max)).orElse(null);
      for (ConfigNode.Entry e : map.entries()) {
        if (!e.key().equals("x") && !e.key().equals("y")) {
          report(e.value(), param + " takes keys x and y, got '" + e.key() + "'");
        }
      }
      return new XyParam(
          x == null ? Param.constant(absent) : x, y == null ? Param.constant(absent) : y, false);
    }
    return XyParam.same(parseRange(given.get(), param, false, min, max));
  }

  public double number(String param, double min, double max) {
    Optional<ConfigNode> n = node(param);
    if (n.isEmpty()) {
      return 0;
    }
    if (n.get() instanceof ConfigNode.Scalar s && s.isNumber()) {
      double v = s.asDouble();
      if (v < min || v > max) {
        report(s, outOfRange(param, s.asText(), min, max));
        return min;
      }
      return v;
    }
    report(n.get(), param + " must be a number, got " + n.get().describeKind());
    return min;
  }

  public double probability(String param) {
    return number(param, 0, 1);
  }

  public boolean bool(String param) {
    Optional<ConfigNode> n = node(param);
    if (n.isPresent() && n.get() instanceof ConfigNode.Scalar s) {
      if (s.isBoolean()) {
        return (Boolean) s.value();
      }
      if (s.isNumber() && (s.asDouble() == 0 || s.asDouble() == 1)) {
        return s.asDouble() == 1;
      }
    }
    n.ifPresent(v -> report(v, param + " must be true or false, got " + describe(v)));
    return false;
  }

  /** imgaug's {@code per_channel}: a boolean or a probability. */
  public PerChannel perChannel(String param) {
    Optional<ConfigNode> n = node(param);
    if (n.isEmpty()) {
      return PerChannel.NEVER;
    }
    if (n.get() instanceof ConfigNode.Scalar s) {
      if (s.isBoolean()) {
        return new PerChannel((Boolean) s.value() ? 1 : 0);
      }
      if (s.isNumber() && s.asDouble() >= 0 && s.asDouble() <= 1) {
        return new PerChannel(s.asDouble());
      }
    }
    report(
        n.get(),
        param + " must be true, false or a probability in [0, 1], got " + describe(n.get()));
    return PerChannel.NEVER;
  }

  /** A string from a fixed set (compared ignoring case). */
  public String choiceOf(String param, String... allowed) {
    Optional<ConfigNode> n = node(param);
    if (n.isPresent() && n.get() instanceof ConfigNode.Scalar s && s.isString()) {
      String v = s.asText().toLowerCase(Locale.ROOT);
      for (String a : allowed) {
        if (a.equals(v)) {
          return a;
        }
      }
    }
    n.ifPresent(
        v ->
            report(
                v,
                param + " must be one of " + String.join(", ", allowed) + ", got " + describe(v)));
    return allowed[0];
  }

  public Optional<String> text(String param) {
    Optional<ConfigNode> n = node(param);
    if (n.isPresent() && !(n.get() instanceof ConfigNode.Scalar)) {
      report(n.get(), param + " must be a string, got " + n.get().describeKind());
      return Optional.empty();
    }
    return n.map(v -> ((ConfigNode.Scalar) v).asText());
  }

  /** Nested augmenters, built recursively; empty when absent. */
  public List<Augmenter> children(String param) {
    Optional<ConfigNode> n = node(param);
    return n.isEmpty() ? List.of() : builder.buildAll(n.get(), problems);
  }

  /** Reports a problem with this augmenter as a whole (e.g. a missing required argument). */
  public void reportEntry(String message) {
    ConfigNode n = spec.node();
    problems.add(Diagnostic.error(n.file(), n.path(), spec.position(), name() + ": " + message));
  }

  public void report(ConfigNode at, String message) {
    problems.add(Diagnostic.error(at.file(), at.path(), at.position(), name() + ": " + message));
  }

  private Param parseRange(ConfigNode n, String param, boolean integer, double min, double max) {
    List<Double> values = new ArrayList<>();
    if (n instanceof ConfigNode.Scalar s && s.isNumber()) {
      values.add(s.asDouble());
    } else if (n instanceof ConfigNode.Sequence seq && !seq.items().isEmpty()) {
      for (ConfigNode item : seq.items()) {
        if (item instanceof ConfigNode.Scalar s && s.isNumber()) {
          values.add(s.asDouble());
        } else {
          report(item, param + " must list numbers, got " + describe(item));
          return Param.constant(clampTo(0, min, max));
        }
      }
    } else {
      report(
          n,
          param + " must be a number, a [min, max] range or a list of numbers, got " + describe(n));
      return Param.constant(clampTo(0, min, max));
    }
    for (double v : values) {
      if (v < min || v > max || (integer && v != Math.rint(v))) {
        report(n, outOfRange(param, describe(n), min, max) + (integer ? " (whole numbers)" : ""));
        return Param.constant(clampTo(0, min, max));
      }
    }
    if (values.size() == 1) {
      return Param.constant(values.get(0));
    }
    if (values.size() == 2) {
      double a = values.get(0);
      double b = values.get(1);
      if (a > b) {
        report(n, param + " range [" + describe(n) + "] has min > max");
        return Param.constant(a);
      }
      return integer ? new Param.IntUniform((long) a, (long) b) : new Param.Uniform(a, b);
    }
    return new Param.Choice(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double clampTo(double v, double min, double max) {
    return Math.max(min, Math.min(max, v));
  }

  private static String outOfRange(String param, String value, double min, double max) {
    return param + " must lie in [" + fmt(min) + ", " + fmt(max) + "], got " + value;
  }

  private static String fmt(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String describe(ConfigNode n) {
    if (n instanceof ConfigNode.Scalar s) {
      return s.isString() ? "'" + s.asText() + "'" : s.asText();
    }
    if (n instanceof ConfigNode.Sequence seq) {
      List<String> parts = new ArrayList<>();
      for (ConfigNode item : seq.items()) {
        parts.add(describe(item));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    return n.describeKind();
  }
}
