package dev.musket.engine.data;

import dev.musket.engine.config.ConfigNode;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Converts one config argument to the Java type of a project factory method's parameter. */
final class FactoryArguments {
  private FactoryArguments() {}

  static Object convert(Parameter p, DatasetArgs args) {
    String name = p.getName();
    Class<?> t = p.getType();
    Optional<ConfigNode> node = args.node(name);
    if (t == ConfigNode.class) {
      return node.orElse(null);
    }
    if (t == List.class) {
      return args.strings(name);
    }
    if (node.isEmpty()) {
      if (t.isPrimitive()) {
        args.reportHere("missing argument '" + name + "'");
        return t == boolean.class ? Boolean.FALSE : 0;
      }
      return null;
    }
    ConfigNode n = node.get();
    if (!(n instanceof ConfigNode.Scalar s)) {
      args.report(n, name + " must be a single value, got " + n.describeKind());
      return null;
    }
    if (t == String.class) {
      return s.asText();
    }
    if (t == Path.class) {
      return args.projectDir().resolve(s.asText());
    }
    if ((t == boolean.class || t == Boolean.class) && s.isBoolean()) {
      return s.value();
    }
    if ((t == int.class || t == Integer.class) && s.isInteger()) {
      return (int) s.asLong();
    }
    if ((t == long.class || t == Long.class) && s.isInteger()) {
      return s.asLong();
    }
    if ((t == double.class || t == Double.class) && s.isNumber()) {
      return s.asDouble();
    }
    args.report(n, name + " must be " + t.getSimpleName() + ", got " + n.describeKind());
    return t == boolean.class ? Boolean.FALSE : t.isPrimitive() ? defaultNumber(t) : null;
  }

  private static Object defaultNumber(Class<?> t) {
    if (t == long.class) {
      return 0L;
    }
    if (t == double.class) {
      return 0.0;
    }
    return 0;
  }
}
