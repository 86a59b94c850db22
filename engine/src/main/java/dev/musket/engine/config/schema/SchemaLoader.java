package dev.musket.engine.config.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the schema files shipped in the engine jar. A malformed schema file is a bug in the engine,
 * so this class fails loudly ({@link IllegalStateException} naming the file and entry) rather than
 * reporting diagnostics.
 */
final class SchemaLoader {

  private static final String BASE = "/dev/musket/engine/config/schema/";

  private SchemaLoader() {}

  static Schema loadClassification() {
    Map<String, Object> classification = read("classification.yaml");
    Map<String, Object> catalog = read("catalog.yaml");
    return new Schema(
        properties("classification.yaml root", map(classification.get("root"))),
        properties("classification.yaml stage", map(classification.get("stage"))),
        new NameCatalog<>(names("architectures.yaml", read("architectures.yaml"))),
        new NameCatalog<>(components("augmenters.yaml", read("augmenters.yaml"))),
        new NameCatalog<>(components("callbacks.yaml", read("callbacks.yaml"))),
        new NameCatalog<>(components("catalog.yaml datasets", map(catalog.get("datasets")))),
        new NameCatalog<>(names("catalog.yaml optimizers", map(catalog.get("optimizers")))),
        new NameCatalog<>(names("catalog.yaml losses", map(catalog.get("losses")))),
        new NameCatalog<>(names("catalog.yaml metrics", map(catalog.get("metrics")))),
        new NameCatalog<>(names("catalog.yaml activations", map(catalog.get("activations")))));
  }

  private static Map<String, Object> read(String file) {
    try (InputStream in = SchemaLoader.class.getResourceAsStream(BASE + file)) {
      if (in == null) {
        throw new IllegalStateException("schema file missing from the engine jar: " + file);
      }
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return loaded == null ? Map.of() : map(loaded);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema file " + file, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object o) {
    if (o == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Object x : (List<Object>) o) {
      out.add(String.valueOf(x));
    }
    return out;
  }

  private static Map<String, PropertySpec> properties(String where, Map<String, Object> specs) {
    Map<String, PropertySpec> out = new LinkedHashMap<>();
    specs.forEach((name, spec) -> out.put(name, property(where + "." + name, name, map(spec))));
    return out;
  }

  /** The keys a property entry may have; anything else is a typo or a YAML quoting slip. */
  private static final java.util.Set<String> PROPERTY_KEYS =
      java.util.Set.of(
          "type",
          "default",
          "required",
          "nullable",
          "min",
          "max",
          "exclusiveMin",
          "exclusiveMax",
          "values",
          "ignoreCase",
          "aliases",
          "length",
          "doc");

  private static final java.util.Set<String> COMPONENT_KEYS =
      java.util.Set.of("doc", "aliases", "positional", "params");

  private static void onlyKeys(
      String where, Map<String, Object> entry, java.util.Set<String> allowed) {
    for (String key : entry.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalStateException(
            "bad schema entry "
                + where
                + ": unknown key '"
                + key
                + "' (a comma inside an unquoted"
                + " flow-map doc?)");
      }
    }
  }

  private static PropertySpec property(String where, String name, Map<String, Object> s) {
    onlyKeys(where, s, PROPERTY_KEYS);
    try {
      return new PropertySpec(
          name,
          ValueType.fromSchemaName(String.valueOf(s.get("type"))),
          s.get("default"),
          Boolean.TRUE.equals(s.get("required")),
          Boolean.TRUE.equals(s.get("nullable")),
          number(s.get("min")),
          number(s.get("max")),
          number(s.get("exclusiveMin")),
          number(s.get("exclusiveMax")),
          strings(s.get("values")),
          Boolean.TRUE.equals(s.get("ignoreCase")),
          strings(s.get("aliases")),
          s.get("length") == null ? null : ((Number) s.get("length")).intValue(),
          (String) s.get("doc"));
    } catch (RuntimeException e) {
      throw new IllegalStateException("bad schema entry " + where + ": " + e.getMessage(), e);
    }
  }

  private static Double number(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }

  private static List<NamedEntry> names(String where, Map<String, Object> entries) {
    List<NamedEntry> out = new ArrayList<>();
    entries.forEach(
        (name, spec) -> {
          Map<String, Object> s = map(spec);
          onlyKeys(where + "." + name, s, java.util.Set.of("doc", "aliases"));
          out.add(new NamedEntry(name, strings(s.get("aliases")), (String) s.get("doc")));
        });
    return out;
  }

  private static List<ComponentDef> components(String where, Map<String, Object> entries) {
    List<ComponentDef> out = new ArrayList<>();
    entries.forEach(
        (name, spec) -> {
          Map<String, Object> s = map(spec);
          onlyKeys(where + "." + name, s, COMPONENT_KEYS);
          Map<String, PropertySpec> params = properties(where + "." + name, map(s.get("params")));
          List<String> positional = strings(s.get("positional"));
          for (String p : positional) {
            if (!params.containsKey(p)) {
              throw new IllegalStateException(
                  "bad schema entry "
                      + where
                      + "."
                      + name
                      + ": positional '"
                      + p
                      + "' is no param");
            }
          }
          out.add(
              new ComponentDef(
                  name, strings(s.get("aliases")), (String) s.get("doc"), positional, params));
        });
    return out;
  }
}
