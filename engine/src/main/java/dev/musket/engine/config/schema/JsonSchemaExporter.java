package dev.musket.engine.config.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@link Schema} as JSON Schema (draft 2020-12), for editors that validate YAML against JSON
 * Schema (VS Code's YAML extension: {@code # yaml-language-server: $schema=musket.schema.json}).
 *
 * <p>JSON Schema cannot express everything ours does (positional arguments, names that project code
 * adds, cross-field rules), so the export is looser where it must be: names that project code may
 * define are offered as completions ({@code anyOf} an enum and any string) rather than enforced.
 */
public final class JsonSchemaExporter {

  private final Schema schema;

  public JsonSchemaExporter(Schema schema) {
    this.schema = schema;
  }

  public String export() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://musket.dev/schema/classification-1.0.json");
    root.put("title", "Musket classification experiment (#%Musket Classification 1.0)");
    root.putAll(object(schema.rootProperties(), false));
    Map<String, Object> defs = new LinkedHashMap<>();
    defs.put("stage", object(schema.stageProperties(), false));
    defs.put("augmenters", componentTree(schema.augmenters(), "augmenter_", false));
    defs.put("callbacks", componentTree(schema.callbacks(), "callback_", true));
    defs.put("dataset", dataset());
    for (ComponentDef d : schema.augmenters().entries()) {
      defs.put("augmenter_" + d.name(), componentArguments(d));
    }
    for (ComponentDef d : schema.callbacks().entries()) {
      defs.put("callback_" + d.name(), componentArguments(d));
    }
    for (ComponentDef d : schema.datasetFactories().entries()) {
      defs.put("dataset_" + d.name(), componentArguments(d));
    }
    root.put("$defs", defs);
    return Json.write(root);
  }

  private Map<String, Object> object(Map<String, PropertySpec> props, boolean open) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("type", "object");
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (PropertySpec p : props.values()) {
      properties.put(p.name(), property(p));
      for (String alias : p.aliases()) {
        properties.put(alias, property(p));
      }
      if (p.required()) {
        required.add(p.name());
      }
    }
    o.put("properties", properties);
    if (!required.isEmpty()) {
      o.put("required", required);
    }
    o.put("additionalProperties", open);
    return o;
  }

  private Map<String, Object> property(PropertySpec p) {
    Map<String, Object> s = new LinkedHashMap<>(typeSchema(p));
    if (!p.doc().isEmpty()) {
      s.put("description", p.doc());
    }
    if (p.hasDefault()) {
      s.put("default", p.defaultValue());
    }
    if (p.nullable()) {
      return Map.of("anyOf", List.of(s, Map.of("type", "null")));
    }
    return s;
  }

  private Map<String, Object> typeSchema(PropertySpec p) {
    Map<String, Object> s = new LinkedHashMap<>();
    switch (p.type()) {
      case INT -> {
        s.put("type", "integer");
        bounds(p, s);
      }
      case NUMBER -> {
        s.put("type", "number");
        bounds(p, s);
      }
      case BOOL -> s.put("type", "boolean");
      case STRING, PATH, MONITOR, METRIC -> s.put("type", "string");
      case ENUM -> s.put("enum", p.values());
      case INT_LIST, NUMBER_LIST -> {
        s.put("type", "array");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", p.type() == ValueType.INT_LIST ? "integer" : "number");
        bounds(p, item);
        s.put("items", item);
        if (p.length() != null) {
          s.put("minItems", p.length());
          s.put("maxItems", p.length());
        }
      }
      case STRING_LIST -> {
        s.put("type", "array");
        s.put("items", Map.of("type", "string"));
      }
      case STRING_OR_LIST, METRIC_LIST ->
          s.put(
              "anyOf", List.of(names(p.type()), Map.of("type", "array", "items", names(p.type()))));
      case INT_OR_LIST -> {
        Map<String, Object> integer = new LinkedHashMap<>();
        integer.put("type", "integer");
        bounds(p, integer);
        s.put("anyOf", List.of(integer, Map.of("type", "array", "items", integer, "minItems", 1)));
      }
      case ARCHITECTURE, OPTIMIZER -> s.putAll(names(p.type()));
      case ACTIVATION, LOSS ->
          s.put(
              "anyOf", List.of(names(p.type()), Map.of("type", "array", "items", names(p.type()))));
      case FINAL_METRICS -> {
        s.put("type", "array");
        s.put(
            "items",
            Map.of(
                "anyOf",
                List.of(
                    Map.of("type", "string"),
                    Map.of("type", "object", "minProperties", 1, "maxProperties", 1))));
      }
      case AUGMENTERS -> s.put("$ref", "#/$defs/augmenters");
      case CALLBACKS -> s.put("$ref", "#/$defs/callbacks");
      case STAGES -> {
        s.put("type", "array");
        s.put("minItems", 1);
        s.put("items", Map.of("$ref", "#/$defs/stage"));
      }
      case DATASET -> s.put("$ref", "#/$defs/dataset");
      case DATASETS -> {
        s.put("type", "object");
        s.put("additionalProperties", Map.of("$ref", "#/$defs/dataset"));
      }
      case DATASET_REFERENCE ->
          s.put("anyOf", List.of(Map.of("type", "string"), Map.of("$ref", "#/$defs/dataset")));
      case NEGATIVES ->
          s.put(
              "anyOf",
              List.of(
                  Map.of("enum", List.of("none", "real", "all")),
                  Map.of("type", "number", "minimum", 0)));
      case PROBABILITY -> {
        s.put("type", "number");
        s.put("minimum", 0);
        s.put("maximum", 1);
      }
      case RANGE, CHOICE ->
          s.put("anyOf", List.of(Map.of("type", "number"), numberArray("number")));
      case INT_RANGE -> s.put("anyOf", List.of(Map.of("type", "integer"), numberArray("integer")));
      case XY -> {
        Map<String, Object> range =
            Map.of("anyOf", List.of(Map.of("type", "number"), numberArray("number")));
        s.put(
            "anyOf",
            List.of(
                range,
                Map.of(
                    "type",
                    "object",
                    "properties",
                    Map.of("x", range, "y", range),
                    "additionalProperties",
                    false)));
      }
      case PER_CHANNEL ->
          s.put(
              "anyOf",
              List.of(
                  Map.of("type", "boolean"), Map.of("type", "number", "minimum", 0, "maximum", 1)));
      case ANY -> {
        // anything
      }
    }
    return s;
  }

  private static Map<String, Object> numberArray(String type) {
    return Map.of("type", "array", "items", Map.of("type", type));
  }

  private static void bounds(PropertySpec p, Map<String, Object> s) {
    if (p.min() != null) {
      s.put("minimum", p.min());
    }
    if (p.max() != null) {
      s.put("maximum", p.max());
    }
    if (p.exclusiveMin() != null) {
      s.put("exclusiveMinimum", p.exclusiveMin());
    }
    if (p.exclusiveMax() != null) {
      s.put("exclusiveMaximum", p.exclusiveMax());
    }
  }

  /** Known names offered for completion; any string is accepted (case and project names). */
  private Map<String, Object> names(ValueType type) {
    Set<String> names = new LinkedHashSet<>();
    schema
        .catalogFor(type)
        .ifPresent(
            c -> {
              for (Named n : c.entries()) {
                names.add(n.name());
                names.add(n.name().toLowerCase(Locale.ROOT));
              }
            });
    if (names.isEmpty()) {
      return Map.of("type", "string");
    }
    return Map.of(
        "anyOf", List.of(Map.of("enum", new ArrayList<>(names)), Map.of("type", "string")));
  }

  private Map<String, Object> componentTree(
      NameCatalog<ComponentDef> catalog, String prefix, boolean open) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (ComponentDef d : catalog.entries()) {
      properties.put(d.name(), Map.of("$ref", "#/$defs/" + prefix + d.name()));
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", "object");
    map.put("properties", properties);
    map.put("additionalProperties", open);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("anyOf", List.of(map, Map.of("type", "array", "items", map), Map.of("type", "null")));
    return tree;
  }

  private Map<String, Object> dataset() {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (ComponentDef d : schema.datasetFactories().entries()) {
      properties.put(d.name(), Map.of("$ref", "#/$defs/dataset_" + d.name()));
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("type", "object");
    s.put("description", "One `{factory: arguments}` entry; project code may add factories.");
    s.put("minProperties", 1);
    s.put("maxProperties", 1);
    s.put("properties", properties);
    return s;
  }

  /** A component's value: a map of named arguments, a positional scalar or list, or nothing. */
  private Map<String, Object> componentArguments(ComponentDef d) {
    Map<String, Object> named = new LinkedHashMap<>(object(d.params(), false));
    named.remove("required");
    List<Object> forms = new ArrayList<>();
    forms.add(named);
    if (!d.positional().isEmpty()) {
      forms.add(typeSchema(d.params().get(d.positional().get(0))));
      forms.add(Map.of("type", "array"));
    }
    forms.add(Map.of("type", "null"));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("description", d.doc());
    s.put("anyOf", forms);
    return s;
  }
}
