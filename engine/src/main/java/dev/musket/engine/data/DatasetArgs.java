package dev.musket.engine.data;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one dataset factory call, {@code {name: [positional...]}} or {@code {name: {key:
 * value}}}, read by name with problems recorded as diagnostics.
 */
public final class DatasetArgs {
  private final String factory;
  private final ConfigNode node;
  private final Map<String, ConfigNode> byName = new LinkedHashMap<>();
  private final Path projectDir;
  private final List<Diagnostic> problems;

  DatasetArgs(
      String factory,
      ConfigNode node,
      List<String> positional,
      Path projectDir,
      List<Diagnostic> problems) {
    this.factory = factory;
    this.node = node;
    this.projectDir = projectDir;
    this.problems = problems;
    if (node instanceof ConfigNode.Mapping map) {
      for (ConfigNode.Entry e : map.entries()) {
        byName.put(e.key(), e.value());
      }
    } else if (node instanceof ConfigNode.Sequence seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        if (i < positional.size()) {
          byName.put(positional.get(i), seq.items().get(i));
        } else {
          report(
              seq.items().get(i), factory + " takes at most " + positional.size() + " arguments");
        }
      }
    } else if (node instanceof ConfigNode.Scalar s && !s.isNull() && !positional.isEmpty()) {
      byName.put(positional.get(0), node);
    }
  }

  public Path projectDir() {
    return projectDir;
  }

  /** The raw argument node, when given and not null. */
  public Optional<ConfigNode> node(String name) {
    ConfigNode n = byName.get(name);
    if (n == null || (n instanceof ConfigNode.Scalar s && s.isNull())) {
      return Optional.empty();
    }
    return Optional.of(n);
  }

  public Optional<String> string(String name) {
    ConfigNode n = byName.get(name);
    if (n == null || (n instanceof ConfigNode.Scalar s && s.isNull())) {
      return Optional.empty();
    }
    if (n instanceof ConfigNode.Scalar s) {
      return Optional.of(s.asText());
    }
    report(n, name + " must be a string, got " + n.describeKind());
    return Optional.empty();
  }

  public String required(String name) {
    Optional<String> v = string(name);
    if (v.isEmpty()) {
      report(node, factory + " needs '" + name + "'");
      return "";
    }
    return v.get();
  }

  /** A path argument resolved against the project folder. */
  public Path path(String name) {
    return projectDir.resolve(required(name));
  }

  public boolean bool(String name, boolean absent) {
    ConfigNode n = byName.get(name);
    if (n instanceof ConfigNode.Scalar s && s.isBoolean()) {
      return (Boolean) s.value();
    }
    if (n != null) {
      report(n, name + " must be true or false, got " + n.describeKind());
    }
    return absent;
  }

  public List<String> strings(String name) {
    ConfigNode n = byName.get(name);
    List<String> out = new ArrayList<>();
    if (n instanceof ConfigNode.Sequence seq) {
      for (ConfigNode item : seq.items()) {
        if (item instanceof ConfigNode.Scalar s) {
          out.add(s.asText());
        }
      }
    } else if (n instanceof ConfigNode.Scalar s && !s.isNull()) {
      out.add(s.asText());
    }
    return out;
  }

  public boolean has(String name) {
    return byName.containsKey(name);
  }

  /** Reports unexpected argument names. */
  void checkKnown(List<String> known) {
    if (node instanceof ConfigNode.Mapping map) {
      for (ConfigNode.Entry e : map.entries()) {
        if (!known.contains(e.key())) {
          problems.add(
              Diagnostic.error(
                  node.file(),
                  e.value().path(),
                  e.keyPosition(),
                  factory + " has no argument '" + e.key() + "'; its arguments: " + known));
        }
      }
    }
  }

  public void report(ConfigNode at, String message) {
    problems.add(Diagnostic.error(at.file(), at.path(), at.position(), message));
  }

  public void reportHere(String message) {
    report(node, message);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Diagnostic::isError);
  }
}
