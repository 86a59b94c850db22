package dev.musket.editor.schema;

/**
 * The YAML shape of a key's value, which decides what completion inserts after the key: {@code "lr:
 * "} for a scalar, {@code "callbacks:"} and an indented new line for a mapping, {@code "stages:"}
 * and an indented {@code "- "} for a list.
 */
public enum ValueShape {
  /** A scalar or a one-line flow value ({@code lr: 0.001}, {@code shape: [224, 224, 3]}). */
  SCALAR,
  /** A nested block mapping ({@code callbacks:}, {@code augmentation:}). */
  MAP,
  /** A block list ({@code stages:}, {@code metrics:}). */
  LIST
}
