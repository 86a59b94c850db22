package dev.musket.engine.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One named component of a config as Musket writes it, {@code {Name: args}}: an augmenter, a
 * callback, a dataset factory call.
 *
 * <p>The config layer has already done Musket's argument rules: the name is the schema's canonical
 * spelling (lookups are case-insensitive), and positional arguments (a scalar or a list) have been
 * matched to parameter names, so builders read every argument by name. Each argument keeps its
 * {@link ConfigNode}, hence its position, for builders that must report a problem of their own.
 *
 * @param name the canonical name, e.g. {@code Fliplr} for {@code fliplr}
 * @param args arguments by parameter name, in the order written; absent parameters take the
 *     schema's defaults
 * @param node the YAML node of the whole entry's value (for diagnostics about the entry as a whole)
 */
public record ComponentSpec(
    String name, Map<String, ConfigNode> args, SourcePosition position, ConfigNode node) {

  public ComponentSpec {
    args = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }

  public Optional<ConfigNode> arg(String parameter) {
    return Optional.ofNullable(args.get(parameter));
  }
}
