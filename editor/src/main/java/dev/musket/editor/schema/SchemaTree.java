package dev.musket.editor.schema;

import dev.musket.editor.document.YamlPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link SchemaProvider} over an immutable tree of keys, built in code.
 *
 * <p>It lets an adapter (or a test, or the demo) describe a config language by nesting: a scalar
 * key with its allowed values, a mapping with its keys, a list whose items are mappings or names.
 * List indices in paths are ignored, so every stage gets the same keys. The tree is immutable once
 * built, which makes it safe to query from any thread.
 */
public final class SchemaTree implements SchemaProvider {

  private record Node(
      String name,
      String doc,
      ValueShape shape,
      Map<String, Node> children,
      List<SchemaValue> values) {

    SchemaKey asKey() {
      return new SchemaKey(name, doc, shape);
    }
  }

  private final Node root;

  private SchemaTree(Node root) {
    this.root = root;
  }

  /** Starts describing the keys of the root mapping. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<SchemaKey> keys(YamlPath mapPath) {
    Node node = find(mapPath);
    if (node == null || node.shape() == ValueShape.SCALAR) {
      return List.of();
    }
    boolean isItem = mapPath.last() instanceof YamlPath.Index;
    if (node.shape() == ValueShape.LIST && !isItem) {
      return List.of();
    }
    return node.children().values().stream().map(Node::asKey).toList();
  }

  @Override
  public List<SchemaValue> values(YamlPath valuePath) {
    Node node = find(valuePath);
    return node == null ? List.of() : node.values();
  }

  private Node find(YamlPath path) {
    Node node = root;
    for (YamlPath.Segment segment : path.segments()) {
      if (segment instanceof YamlPath.Key key) {
        node = node.children().get(key.name());
      } else if (node.shape() != ValueShape.LIST) {
        return null;
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** Describes the keys of one mapping (the root, a nested map, or a list's item map). */
  public static final class Builder {
    private final Map<String, Node> children = new LinkedHashMap<>();

    private Builder() {}

    /** A key with a scalar value, optionally restricted to or suggesting {@code values}. */
    public Builder scalar(String name, String doc, SchemaValue... values) {
      return add(new Node(name, doc, ValueShape.SCALAR, Map.of(), List.of(values)));
    }

    /** A key whose value is a mapping with the keys that {@code keys} describes. */
    public Builder map(String name, String doc, Consumer<Builder> keys) {
      return add(new Node(name, doc, ValueShape.MAP, nested(keys), List.of()));
    }

    /** A key whose value is a list of mappings with the keys that {@code itemKeys} describes. */
    public Builder list(String name, String doc, Consumer<Builder> itemKeys) {
      return add(new Node(name, doc, ValueShape.LIST, nested(itemKeys), List.of()));
    }

    /** A key whose value is a list of names, each one of {@code values}. */
    public Builder listOf(String name, String doc, SchemaValue... values) {
      return add(new Node(name, doc, ValueShape.LIST, Map.of(), List.of(values)));
    }

    private static Map<String, Node> nested(Consumer<Builder> keys) {
      Builder nested = new Builder();
      keys.accept(nested);
      return nested.frozen();
    }

    private Builder add(Node node) {
      children.put(node.name(), node);
      return this;
    }

    private Map<String, Node> frozen() {
      return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(children));
    }

    /** The finished, immutable provider. */
    public SchemaTree build() {
      return new SchemaTree(new Node("", "", ValueShape.MAP, frozen(), List.of()));
    }
  }
}
