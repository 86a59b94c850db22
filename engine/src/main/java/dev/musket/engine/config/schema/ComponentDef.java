package dev.musket.engine.config.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A component the schema knows: an augmenter, a callback or a dataset factory, with its parameters
 * and the order in which a scalar or list value fills them ({@code positional}).
 */
public record ComponentDef(
    String name,
    List<String> aliases,
    String doc,
    List<String> positional,
    Map<String, PropertySpec> params)
    implements Named {

  public ComponentDef {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    doc = doc == null ? "" : doc.strip();
    positional = positional == null ? List.of() : List.copyOf(positional);
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public Optional<PropertySpec> param(String name) {
    return Optional.ofNullable(params.get(name));
  }
}
