package dev.musket.engine.config.validate;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a {@link ConfigCheck} sees: the merged root, the schema, the project's names, the sink. */
public record CheckContext(
    ConfigNode.Mapping root, Schema schema, ProjectNames project, DiagnosticSink sink) {

  public Optional<ConfigNode> get(String key) {
    return root.get(key);
  }

  /** A scalar's text, or empty when absent, null or not a scalar. */
  public Optional<String> text(ConfigNode.Mapping map, String key) {
    return map.get(key)
        .filter(n -> n instanceof ConfigNode.Scalar s && !s.isNull())
        .map(n -> ((ConfigNode.Scalar) n).asText());
  }

  /** The stage maps (only the well-formed ones). */
  public List<ConfigNode.Mapping> stages() {
    List<ConfigNode.Mapping> out = new ArrayList<>();
    if (root.get("stages").orElse(null) instanceof ConfigNode.Sequence seq) {
      for (ConfigNode item : seq.items()) {
        if (item instanceof ConfigNode.Mapping m) {
          out.add(m);
        }
      }
    }
    return out;
  }

  /** The number of items when {@code key} is a list, else 1 (absent or scalar). */
  public int listLength(String key) {
    return root.get(key).orElse(null) instanceof ConfigNode.Sequence s ? s.items().size() : 1;
  }
}
