package dev.musket.engine.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The YAML of a config as a small, immutable tree that remembers where every value came from.
 *
 * <p>SnakeYAML's own nodes are mutable and carry parser details; this tree is what the rest of the
 * engine (validation, the typed {@link ExperimentConfig}, the augmenter and callback builders)
 * reads. Each node knows its file (values merged in from {@code common.yaml} point at that file),
 * its position and its YAML path, so any later stage can report a problem where the user must edit.
 */
public sealed interface ConfigNode
    permits ConfigNode.Scalar, ConfigNode.Sequence, ConfigNode.Mapping {

  /** The file this node was read from; {@code null} for text without a file. */
  Path file();

  SourcePosition position();

  /** E.g. {@code stages[0].epochs}, {@code augmentation.Affine.rotate}; empty for the root. */
  String path();

  /** A human name of the node's kind for messages: "a number", "a list", "a map"... */
  String describeKind();

  /**
   * A scalar: {@code value} is a {@link Long}, {@link Double}, {@link Boolean}, {@link String} or
   * {@code null}, resolved by YAML 1.1 rules as Musket's PyYAML did; {@code text} is what was
   * written.
   */
  record Scalar(Object value, String text, Path file, SourcePosition position, String path)
      implements ConfigNode {

    public boolean isNull() {
      return value == null;
    }

    public boolean isString() {
      return value instanceof String;
    }

    public boolean isBoolean() {
      return value instanceof Boolean;
    }

    public boolean isInteger() {
      return value instanceof Long;
    }

    public boolean isNumber() {
      return value instanceof Long || value instanceof Double;
    }

    public double asDouble() {
      return ((Number) value).doubleValue();
    }

    public long asLong() {
      return (Long) value;
    }

    /** The value as text: strings as they are, numbers and booleans as written in the file. */
    public String asText() {
      return value instanceof String s ? s : text;
    }

    @Override
    public String describeKind() {
      if (value == null) {
        return "null";
      }
      if (value instanceof Boolean) {
        return "a boolean";
      }
      if (value instanceof Long) {
        return "an integer";
      }
      if (value instanceof Double) {
        return "a number";
      }
      return "a string";
    }
  }

  /** A YAML sequence ({@code [a, b]} or a block list). */
  record Sequence(List<ConfigNode> items, Path file, SourcePosition position, String path)
      implements ConfigNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describeKind() {
      return "a list";
    }
  }

  /**
   * A YAML mapping; entries keep their file order, and duplicates are kept for validation to
   * report.
   */
  record Mapping(List<Entry> entries, Path file, SourcePosition position, String path)
      implements ConfigNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    /** The value of the first entry whose key equals {@code key} exactly. */
    public Optional<ConfigNode> get(String key) {
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          return Optional.of(e.value());
        }
      }
      return Optional.empty();
    }

    /** Like {@link #get} but ignoring case, for names Musket looks up case-insensitively. */
    public Optional<Entry> getIgnoreCase(String key) {
      String wanted = key.toLowerCase(Locale.ROOT);
      for (Entry e : entries) {
        if (e.key().toLowerCase(Locale.ROOT).equals(wanted)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }

    public boolean has(String key) {
      return get(key).isPresent();
    }

    public List<String> keys() {
      List<String> keys = new ArrayList<>(entries.size());
      for (Entry e : entries) {
        keys.add(e.key());
      }
      return Collections.unmodifiableList(keys);
    }

    @Override
    public String describeKind() {
      return "a map";
    }
  }

  /** One {@code key: value} pair; the key's own position is where "unknown key" problems point. */
  record Entry(String key, SourcePosition keyPosition, ConfigNode value) {}
}
