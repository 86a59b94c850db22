package dev.musket.engine.config.schema;

import java.util.List;

/** A name the schema knows (an architecture, a loss, an optimizer...) with its documentation. */
public record NamedEntry(String name, List<String> aliases, String doc) implements Named {
  public NamedEntry {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    doc = doc == null ? "" : doc.strip();
  }
}
