package dev.musket.editor.schema;

import java.util.Objects;

/**
 * A key the schema allows in some mapping.
 *
 * @param name the key as written in YAML
 * @param doc a short documentation text (plain text, may span lines) shown in completion and hover
 * @param shape what the key's value looks like, so completion can insert the right skeleton
 */
public record SchemaKey(String name, String doc, ValueShape shape) {

  public SchemaKey {
    Objects.requireNonNull(name, "name");
    doc = doc == null ? "" : doc;
    shape = shape == null ? ValueShape.SCALAR : shape;
  }

  /** A key with a scalar value. */
  public static SchemaKey scalar(String name, String doc) {
    return new SchemaKey(name, doc, ValueShape.SCALAR);
  }
}
