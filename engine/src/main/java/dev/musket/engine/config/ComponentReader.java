package dev.musket.engine.config;

import dev.musket.engine.config.schema.ComponentDef;
import dev.musket.engine.config.schema.PropertySpec;
import dev.musket.engine.config.schema.Suggestions;
import dev.musket.engine.config.schema.ValueType;
import dev.musket.engine.config.validate.DiagnosticSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Musket's rules for writing components ({@code augmentation}, {@code callbacks}, {@code dataset}):
 * which entries a tree holds, and how a component's value becomes arguments by name.
 *
 * <p>A tree is a map of {@code Name: value} entries or a list of one-entry maps. A map value names
 * its arguments; a scalar is the first positional argument; a list gives the positional arguments,
 * except that two numbers for a first parameter that takes a range are that range ({@code Add:
 * [-10, 10]}).
 */
public final class ComponentReader {

  private ComponentReader() {}

  /** One {@code Name: value} entry as written, before its name is looked up. */
  public record Entry(String name, SourcePosition keyPosition, ConfigNode value, ConfigNode owner) {
    public Path file() {
      return owner.file();
    }

    /** The path of this entry's value, e.g. {@code augmentation.Fliplr}. */
    public String path() {
      return value.path();
    }
  }

  /** The entries of a component tree; a {@code null} value is an empty tree. */
  public static List<Entry> entries(ConfigNode tree, DiagnosticSink sink) {
    List<Entry> out = new ArrayList<>();
    if (tree instanceof ConfigNode.Mapping map) {
      for (ConfigNode.Entry e : map.entries()) {
        out.add(new Entry(e.key(), e.keyPosition(), e.value(), map));
      }
    } else if (tree instanceof ConfigNode.Sequence seq) {
      for (ConfigNode item : seq.items()) {
        if (item instanceof ConfigNode.Mapping m && m.entries().size() == 1) {
          ConfigNode.Entry e = m.entries().get(0);
          out.add(new Entry(e.key(), e.keyPosition(), e.value(), m));
        } else if (item instanceof ConfigNode.Scalar s && s.isString()) {
          out.add(new Entry(s.asText(), s.position(), nullAt(s), s));
        } else {
          sink.error(
              item,
              "each item of this list must be one `Name: arguments` entry, got "
                  + item.describeKind()
                  + (item instanceof ConfigNode.Mapping m
                      ? " with " + m.entries().size() + " keys"
                      : ""));
        }
      }
    } else if (tree instanceof ConfigNode.Scalar s && !s.isNull()) {
      sink.error(
          tree,
          "expected a map of `Name: arguments` entries (or a list of them), got "
              + s.describeKind()
              + " '"
              + s.text()
              + "'");
    }
    return out;
  }

  private static ConfigNode nullAt(ConfigNode.Scalar s) {
    return new ConfigNode.Scalar(null, "", s.file(), s.position(), s.path());
  }

  /**
   * Matches an entry's value to {@code def}'s parameters. Reports unknown parameters, too many
   * positional arguments and missing required ones; argument values are checked by the validator.
   */
  public static ComponentSpec bind(ComponentDef def, Entry entry, DiagnosticSink sink) {
    Map<String, ConfigNode> args = new LinkedHashMap<>();
    ConfigNode value = entry.value();
    List<String> positional = def.positional();
    if (value instanceof ConfigNode.Mapping named) {
      for (ConfigNode.Entry e : named.entries()) {
        if (def.params().containsKey(e.key())) {
          if (args.put(e.key(), e.value()) != null) {
            sink.error(e.value(), def.name() + "'s parameter '" + e.key() + "' is given twice");
          }
        } else {
          sink.add(
              e.value().file(),
              e.value().path(),
              e.keyPosition(),
              dev.musket.engine.config.validate.Severity.ERROR,
              unknownParameter(def, e.key()));
        }
      }
    } else if (value instanceof ConfigNode.Sequence list) {
      PropertySpec first = positional.isEmpty() ? null : def.params().get(positional.get(0));
      if (first != null && first.type().takesRange() && isNumberPair(list)) {
        args.put(first.name(), list);
      } else if (first != null && first.type() == ValueType.AUGMENTERS) {
        // Sequential/OneOf: [a, b, c] lists the children, as Musket's parser reads it
        args.put(first.name(), list);
      } else {
        if (list.items().size() > positional.size()) {
          sink.error(
              list,
              def.name()
                  + " takes "
                  + (positional.isEmpty()
                      ? "no positional arguments"
                      : "at most "
                          + positional.size()
                          + " positional argument"
                          + (positional.size() == 1 ? "" : "s")
                          + " ("
                          + String.join(", ", positional)
                          + ")")
                  + ", got "
                  + list.items().size()
                  + "; name the arguments with a map, e.g. `"
                  + def.name()
                  + ": {"
                  + (def.params().isEmpty()
                      ? ""
                      : def.params().keySet().iterator().next() + ": ...")
                  + "}`");
        }
        for (int i = 0; i < Math.min(list.items().size(), positional.size()); i++) {
          args.put(positional.get(i), list.items().get(i));
        }
      }
    } else if (value instanceof ConfigNode.Scalar scalar && !scalar.isNull()) {
      if (positional.isEmpty()) {
        sink.error(
            value,
            def.name()
                + " takes no positional argument, got '"
                + scalar.text()
                + "'"
                + (def.params().isEmpty()
                    ? "; write `" + def.name() + ":` with no value"
                    : "; name the arguments: " + String.join(", ", def.params().keySet())));
      } else {
        args.put(positional.get(0), value);
      }
    }
    for (PropertySpec p : def.params().values()) {
      if (p.required() && !args.containsKey(p.name())) {
        sink.error(
            value,
            def.name()
                + " needs its parameter '"
                + p.name()
                + "' ("
                + p.type().description()
                + (p.doc().isEmpty() ? "" : ": " + p.doc())
                + ")");
      }
    }
    return new ComponentSpec(def.name(), args, entry.keyPosition(), value);
  }

  static String unknownParameter(ComponentDef def, String name) {
    String text = def.name() + " has no parameter '" + name + "'";
    var suggestion = Suggestions.closest(name, def.params().keySet());
    if (suggestion.isPresent()) {
      text += "; did you mean '" + suggestion.get() + "'?";
    } else {
      text += ".";
    }
    return text
        + (def.params().isEmpty()
            ? " It takes no parameters."
            : " Its parameters: " + String.join(", ", def.params().keySet()) + ".");
  }

  private static boolean isNumberPair(ConfigNode.Sequence list) {
    return list.items().size() == 2
        && list.items().stream().allMatch(i -> i instanceof ConfigNode.Scalar s && s.isNumber());
  }
}
