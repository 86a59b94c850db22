package dev.musket.engine.config.validate;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.schema.PropertySpec;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.config.schema.Suggestions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 1: the shape of the document. Every key is known (else "did you mean"), set once, of the
 * right type and range; required properties are present; each stage is checked the same way.
 */
final class StructuralValidator {

  /** Keys of Musket's segmentation dialect that a classification config cannot use. */
  private static final Set<String> SEGMENTATION_KEYS =
      Set.of("backbone", "classifier", "classifier_lr", "decoder_filters", "upsample_rates");

  private final Schema schema;
  private final DiagnosticSink sink;
  private final ValueChecker checker;

  StructuralValidator(Schema schema, ProjectNames project, DiagnosticSink sink) {
    this.schema = schema;
    this.sink = sink;
    this.checker = new ValueChecker(schema, project, sink);
  }

  void validateRoot(ConfigNode.Mapping root) {
    reportDuplicates(root);
    root.get("final_metrics").ifPresent(checker::declareFinalMetrics);
    for (ConfigNode.Entry e : root.entries()) {
      Optional<PropertySpec> spec = schema.rootProperty(e.key());
      if (spec.isEmpty()) {
        sink.add(
            e.value().file(),
            e.value().path(),
            e.keyPosition(),
            Severity.ERROR,
            unknownRootKey(e.key()));
      } else if (spec.get().type() == dev.musket.engine.config.schema.ValueType.STAGES) {
        validateStages(e.value());
      } else {
        checker.check(spec.get(), e.value(), "'" + e.key() + "'");
      }
    }
    reportMissing(root, schema.rootProperties(), "");
  }

  private void validateStages(ConfigNode node) {
    if (!(node instanceof ConfigNode.Sequence stages)) {
      checker.wrongType(node, "'stages'", "a list of stages, e.g. `stages: [{epochs: 10}]`");
      return;
    }
    if (stages.items().isEmpty()) {
      sink.error(node, "'stages' is empty; add at least one stage, e.g. `- epochs: 10`");
    }
    for (int i = 0; i < stages.items().size(); i++) {
      ConfigNode item = stages.items().get(i);
      String label = "stage " + i;
      if (!(item instanceof ConfigNode.Mapping stage)) {
        checker.wrongType(item, label, "a map of stage properties such as `epochs: 10`");
        continue;
      }
      reportDuplicates(stage);
      for (ConfigNode.Entry e : stage.entries()) {
        Optional<PropertySpec> spec = schema.stageProperty(e.key());
        if (spec.isEmpty()) {
          sink.add(
              e.value().file(),
              e.value().path(),
              e.keyPosition(),
              Severity.ERROR,
              unknownStageKey(e.key()));
        } else {
          checker.check(spec.get(), e.value(), label + "'s '" + e.key() + "'");
        }
      }
      reportMissing(stage, schema.stageProperties(), label + " ");
    }
  }

  private void reportMissing(
      ConfigNode.Mapping map, Map<String, PropertySpec> specs, String where) {
    for (PropertySpec p : specs.values()) {
      boolean present = map.has(p.name()) || p.aliases().stream().anyMatch(map::has);
      if (p.required() && !present) {
        sink.error(
            map,
            where
                + "misses the required property '"
                + p.name()
                + "' ("
                + ValueChecker.expectation(p)
                + "): "
                + p.doc());
      }
    }
  }

  /** Two entries with one key: YAML would silently keep the last, so both are shown. */
  private void reportDuplicates(ConfigNode.Mapping map) {
    Map<String, ConfigNode.Entry> seen = new HashMap<>();
    for (ConfigNode.Entry e : map.entries()) {
      ConfigNode.Entry first = seen.putIfAbsent(e.key(), e);
      if (first != null && first.value().file() != null
          ? first.value().file().equals(e.value().file())
          : first != null) {
        sink.add(
            e.value().file(),
            e.value().path(),
            e.keyPosition(),
            Severity.ERROR,
            "'"
                + e.key()
                + "' is set twice (first on line "
                + first.keyPosition().line()
                + "); YAML would keep only the last one, so remove one");
      }
    }
  }

  private String unknownRootKey(String key) {
    if (schema.stageProperty(key).isPresent()) {
      return "'"
          + key
          + "' is a stage property; put it in a stage, e.g. `stages: [{"
          + key
          + ": ...}]`";
    }
    if (SEGMENTATION_KEYS.contains(key)) {
      return "'"
          + key
          + "' belongs to Musket's Segmentation dialect; a classification config names its network"
          + " with 'architecture'";
    }
    return unknownKey(key, "property", schema.rootProperties());
  }

  private String unknownStageKey(String key) {
    if (schema.rootProperty(key).isPresent()) {
      return "'"
          + key
          + "' cannot change per stage; set it at the top level of the config (stages take: "
          + String.join(", ", schema.stageProperties().keySet())
          + ")";
    }
    return unknownKey(key, "stage property", schema.stageProperties());
  }

  private static String unknownKey(String key, String noun, Map<String, PropertySpec> specs) {
    List<String> names = new ArrayList<>(specs.keySet());
    specs.values().forEach(p -> names.addAll(p.aliases()));
    for (String n : names) {
      if (n.equalsIgnoreCase(key)) {
        return "unknown "
            + noun
            + " '"
            + key
            + "'; did you mean '"
            + n
            + "'? (keys are case-sensitive)";
      }
    }
    return Suggestions.closest(key, names)
        .map(s -> "unknown " + noun + " '" + key + "'; did you mean '" + s + "'?")
        .orElse(
            "unknown "
                + noun
                + " '"
                + key
                + "'; docs/config-reference.md lists the properties a classification config takes");
  }
}
