package dev.musket.engine.train.callbacks;

import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.schema.ComponentDef;
import dev.musket.engine.config.schema.PropertySpec;
import dev.musket.engine.config.schema.Schema;
import java.util.Optional;

/**
 * A callback's arguments with the schema's defaults filled in, so the defaults live in one place
 * ({@code callbacks.yaml}) for validation, the editor, the docs and the callbacks themselves.
 * Public for builders of callbacks that live in other engine packages.
 */
public final class CallbackArgs {

  private final ComponentSpec spec;
  private final ComponentDef def;

  CallbackArgs(ComponentSpec spec, ComponentDef def) {
    this.spec = spec;
    this.def = def;
  }

  /** The arguments of {@code spec}, with the defaults of the schema's callback of that name. */
  public static CallbackArgs of(ComponentSpec spec) {
    ComponentDef def =
        Schema.classification()
            .callbacks()
            .find(spec.name())
            .orElseThrow(
                () ->
                    new IllegalArgumentException("'" + spec.name() + "' is not a known callback"));
    return new CallbackArgs(spec, def);
  }

  /** Whether the config wrote this argument (rather than leaving it to its default). */
  public boolean given(String name) {
    return node(name).isPresent();
  }

  public Optional<ConfigNode> node(String name) {
    return spec.arg(name).filter(n -> !isNull(n));
  }

  /** The written value (Long, Double, Boolean, String) or else the schema default, or null. */
  public Object value(String name) {
    Optional<Object> written = scalarValue(name);
    if (written.isPresent()) {
      return written.get();
    }
    return def.param(name).map(PropertySpec::defaultValue).orElse(null);
  }

  public double number(String name) {
    Double d = numberOrNull(name);
    if (d == null) {
      throw missing(name);
    }
    return d;
  }

  public Double numberOrNull(String name) {
    Object v = value(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw wrongType(name, "a number", v);
  }

  public int integer(String name) {
    Integer i = integerOrNull(name);
    if (i == null) {
      throw missing(name);
    }
    return i;
  }

  public Integer integerOrNull(String name) {
    Object v = value(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Math.toIntExact(n.longValue());
    }
    throw wrongType(name, "an integer", v);
  }

  public String text(String name) {
    Object v = value(name);
    return v == null ? null : v.toString();
  }

  public boolean bool(String name) {
    Object v = value(name);
    if (v instanceof Boolean b) {
      return b;
    }
    if (v == null) {
      return false;
    }
    throw wrongType(name, "true or false", v);
  }

  private Optional<Object> scalarValue(String name) {
    return spec.arg(name)
        .filter(n -> n instanceof ConfigNode.Scalar s && !s.isNull())
        .map(n -> ((ConfigNode.Scalar) n).value());
  }

  private static boolean isNull(ConfigNode n) {
    return n instanceof ConfigNode.Scalar s && s.isNull();
  }

  private IllegalArgumentException missing(String name) {
    return new IllegalArgumentException(spec.name() + " needs its parameter '" + name + "'");
  }

  private IllegalArgumentException wrongType(String name, String expected, Object got) {
    return new IllegalArgumentException(
        spec.name() + "'s parameter '" + name + "' must be " + expected + ", got '" + got + "'");
  }
}
