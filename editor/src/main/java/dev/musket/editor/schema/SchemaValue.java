package dev.musket.editor.schema;

import java.util.Objects;

/**
 * A value the schema allows for some key: an enum constant or a known name.
 *
 * @param name the value as written in YAML
 * @param doc a short documentation text, empty when there is none
 */
public record SchemaValue(String name, String doc) {

  public SchemaValue {
    Objects.requireNonNull(name, "name");
    doc = doc == null ? "" : doc;
  }
}
