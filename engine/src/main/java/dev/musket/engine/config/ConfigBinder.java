package dev.musket.engine.config;

import dev.musket.engine.config.schema.ComponentDef;
import dev.musket.engine.config.schema.NameCatalog;
import dev.musket.engine.config.schema.PropertySpec;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.config.validate.DiagnosticSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a validated YAML tree into an {@link ExperimentConfig}, filling in the schema's defaults.
 * It assumes validation found no error (types are right), which {@link ExperimentLoader}
 * guarantees.
 */
final class ConfigBinder {

  private final Schema schema;

  ConfigBinder(Schema schema) {
    this.schema = schema;
  }

  ExperimentConfig bind(Path file, ConfigNode.Mapping root) {
    Values v = new Values(root, schema.rootProperties());
    ModelSpec model =
        new ModelSpec(
            canonical(schema.architectures(), v.text("architecture")),
            ints(v.node("classes")),
            strings(v.node("activation")),
            shape(v.node("shape").or(() -> root.get("input_shape"))),
            v.text("pooling"),
            v.text("weights"),
            v.number("dropout"),
            v.bool("freeze_encoder"),
            v.bool("copyWeights"));
    DataSpec data =
        new DataSpec(
            v.node("dataset").map(this::dataset).orElse(null),
            datasets(v.node("datasets")),
            components(v.node("augmentation"), schema.augmenters()),
            components(v.node("transforms"), schema.augmenters()),
            v.bool("manualResize"),
            v.integerOrNull("crops"),
            v.text("testTimeAugmentation"),
            v.integer("folds_count"),
            v.number("validationSplit"),
            v.bool("stratified"),
            v.integer("random_state"),
            v.number("testSplit"),
            v.integer("testSplitSeed"),
            strings(v.node("imports")));
    List<StageConfig> stages = new ArrayList<>();
    if (root.get("stages").orElse(null) instanceof ConfigNode.Sequence seq) {
      for (ConfigNode item : seq.items()) {
        stages.add(stage((ConfigNode.Mapping) item));
      }
    }
    TrainingSpec training =
        new TrainingSpec(
            v.text("optimizer") == null
                ? null
                : canonical(schema.optimizers(), v.text("optimizer")),
            v.number("lr"),
            v.numberOrNull("clipnorm"),
            v.numberOrNull("clipvalue"),
            v.integer("batch"),
            v.integer("inference_batch"),
            losses(v.node("loss")),
            strings(v.node("metrics")),
            v.text("primary_metric"),
            v.text("primary_metric_mode"),
            finalMetrics(v.node("final_metrics")),
            v.text("experiment_result"),
            components(v.node("callbacks"), schema.callbacks()),
            stages,
            v.integerOrNull("maxEpochSize"),
            v.bool("saveLast"),
            v.bool("dumpPredictionsToCSV"));
    return new ExperimentConfig(file, root, model, data, training);
  }

  private StageConfig stage(ConfigNode.Mapping stage) {
    Values v = new Values(stage, schema.stageProperties());
    String negatives = v.text("negatives");
    return new StageConfig(
        v.integer("epochs"),
        v.numberOrNull("lr"),
        stage.has("loss") ? losses(stage.get("loss")) : null,
        negatives,
        stage.has("validation_negatives") ? v.text("validation_negatives") : negatives,
        v.text("initial_weights"),
        v.boolOrNull("unfreeze_encoder"),
        v.boolOrNull("freeze_encoder"),
        stage.has("callbacks") ? components(stage.get("callbacks"), schema.callbacks()) : null,
        components(stage.get("extra_callbacks"), schema.callbacks()),
        v.bool("logAll"));
  }

  private List<ComponentSpec> components(
      Optional<ConfigNode> tree, NameCatalog<ComponentDef> catalog) {
    List<ComponentSpec> out = new ArrayList<>();
    if (tree.isEmpty()) {
      return out;
    }
    DiagnosticSink ignored = new DiagnosticSink(); // already reported by validation
    for (ComponentReader.Entry e : ComponentReader.entries(tree.get(), ignored)) {
      out.add(component(e, catalog, ignored));
    }
    return out;
  }

  private ComponentSpec component(
      ComponentReader.Entry e, NameCatalog<ComponentDef> catalog, DiagnosticSink sink) {
    Optional<ComponentDef> def = catalog.find(e.name());
    if (def.isPresent()) {
      return ComponentReader.bind(def.get(), e, sink);
    }
    // Defined by project code: arguments by name as written, positional ones by index.
    Map<String, ConfigNode> args = new LinkedHashMap<>();
    if (e.value() instanceof ConfigNode.Mapping named) {
      named.entries().forEach(x -> args.put(x.key(), x.value()));
    } else if (e.value() instanceof ConfigNode.Sequence list) {
      for (int i = 0; i < list.items().size(); i++) {
        args.put(Integer.toString(i), list.items().get(i));
      }
    } else if (e.value() instanceof ConfigNode.Scalar s && !s.isNull()) {
      args.put("0", s);
    }
    return new ComponentSpec(e.name(), args, e.keyPosition(), e.value());
  }

  private ComponentSpec dataset(ConfigNode node) {
    ConfigNode.Mapping map = (ConfigNode.Mapping) node;
    ConfigNode.Entry e = map.entries().get(0);
    return component(
        new ComponentReader.Entry(e.key(), e.keyPosition(), e.value(), map),
        schema.datasetFactories(),
        new DiagnosticSink());
  }

  private Map<String, ComponentSpec> datasets(Optional<ConfigNode> node) {
    Map<String, ComponentSpec> out = new LinkedHashMap<>();
    if (node.orElse(null) instanceof ConfigNode.Mapping map) {
      map.entries().forEach(e -> out.put(e.key(), dataset(e.value())));
    }
    return out;
  }

  private static List<LossExpression> losses(Optional<ConfigNode> node) {
    List<LossExpression> out = new ArrayList<>();
    for (String text : strings(node)) {
      out.add(LossExpression.parse(text).expression());
    }
    return out;
  }

  private static List<FinalMetric> finalMetrics(Optional<ConfigNode> node) {
    List<FinalMetric> out = new ArrayList<>();
    if (node.orElse(null) instanceof ConfigNode.Sequence seq) {
      for (ConfigNode item : seq.items()) {
        if (item instanceof ConfigNode.Mapping m) {
          for (ConfigNode.Entry e : m.entries()) {
            boolean forValidation =
                e.value() instanceof ConfigNode.Mapping options
                    && options.get("for_validation").orElse(null) instanceof ConfigNode.Scalar b
                    && Boolean.TRUE.equals(b.value());
            out.add(new FinalMetric(e.key(), forValidation));
          }
        } else if (item instanceof ConfigNode.Scalar s && !s.isNull()) {
          out.add(new FinalMetric(s.asText(), false));
        }
      }
    } else if (node.orElse(null) instanceof ConfigNode.Scalar s && !s.isNull()) {
      out.add(new FinalMetric(s.asText(), false));
    }
    return out;
  }

  private static String canonical(NameCatalog<?> catalog, String name) {
    return name == null ? null : catalog.find(name).map(n -> n.name()).orElse(name);
  }

  private static InputShape shape(Optional<ConfigNode> node) {
    List<Integer> s = ints(node);
    return s.size() == 3 ? new InputShape(s.get(0), s.get(1), s.get(2)) : null;
  }

  private static List<Integer> ints(Optional<ConfigNode> node) {
    List<Integer> out = new ArrayList<>();
    if (node.orElse(null) instanceof ConfigNode.Sequence seq) {
      seq.items().forEach(i -> out.add((int) ((ConfigNode.Scalar) i).asLong()));
    } else if (node.orElse(null) instanceof ConfigNode.Scalar s && s.isInteger()) {
      out.add((int) s.asLong());
    }
    return out;
  }

  private static List<String> strings(Optional<ConfigNode> node) {
    List<String> out = new ArrayList<>();
    if (node.orElse(null) instanceof ConfigNode.Sequence seq) {
      seq.items().forEach(i -> out.add(((ConfigNode.Scalar) i).asText()));
    } else if (node.orElse(null) instanceof ConfigNode.Scalar s && !s.isNull()) {
      out.add(s.asText());
    }
    return out;
  }

  /** Reads properties of one map, falling back to the schema's defaults. */
  private record Values(ConfigNode.Mapping map, Map<String, PropertySpec> specs) {

    Optional<ConfigNode> node(String key) {
      Optional<ConfigNode> direct = map.get(key);
      if (direct.isPresent() || specs.get(key) == null) {
        return direct;
      }
      for (String alias : specs.get(key).aliases()) {
        if (map.has(alias)) {
          return map.get(alias);
        }
      }
      return Optional.empty();
    }

    private Object value(String key) {
      Optional<ConfigNode> n = node(key);
      if (n.isPresent() && n.get() instanceof ConfigNode.Scalar s && !s.isNull()) {
        return s.value();
      }
      if (n.isPresent()) {
        return null; // written as null: no default
      }
      PropertySpec spec = specs.get(key);
      return spec == null ? null : spec.defaultValue();
    }

    String text(String key) {
      Object v = value(key);
      if (v == null) {
        return null;
      }
      Optional<ConfigNode> n = node(key);
      return n.isPresent() && n.get() instanceof ConfigNode.Scalar s
          ? s.asText()
          : String.valueOf(v);
    }

    int integer(String key) {
      return ((Number) value(key)).intValue();
    }

    Integer integerOrNull(String key) {
      Object v = value(key);
      return v == null ? null : ((Number) v).intValue();
    }

    double number(String key) {
      return ((Number) value(key)).doubleValue();
    }

    Double numberOrNull(String key) {
      Object v = value(key);
      return v == null ? null : ((Number) v).doubleValue();
    }

    boolean bool(String key) {
      return Boolean.TRUE.equals(value(key));
    }

    Boolean boolOrNull(String key) {
      return (Boolean) value(key);
    }
  }
}
