package dev.musket.app.editors;

import dev.musket.editor.document.YamlPath;
import dev.musket.editor.schema.SchemaKey;
import dev.musket.editor.schema.SchemaProvider;
import dev.musket.editor.schema.SchemaValue;
import dev.musket.editor.schema.ValueShape;
import dev.musket.engine.config.schema.ComponentDef;
import dev.musket.engine.config.schema.NameCatalog;
import dev.musket.engine.config.schema.Named;
import dev.musket.engine.config.schema.PropertySpec;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.config.schema.ValueType;
import dev.musket.engine.config.validate.ProjectNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The engine's {@link Schema} as the editor's {@link SchemaProvider}: completion and hover in the
 * YAML editor offer exactly what validation accepts, from the same schema files, plus the names the
 * project's {@code modules/} code defines (dataset factories, architectures, losses, metrics,
 * callbacks), after the built-ins.
 */
public final class EngineSchemaProvider implements SchemaProvider {

  private static final String PROJECT_DOC = "Defined by the project's code (modules/).";

  private final Schema schema;
  private final SchemaPathResolver resolver;
  private final Supplier<ProjectNames> projectNames;

  public EngineSchemaProvider(Schema schema) {
    this(schema, ProjectNames::standalone);
  }

  /**
   * @param projectNames the open config's project names; called by completion (the editor's
   *     background thread, or the FX thread for Ctrl+Space), so it must only read what validation
   *     found
   */
  public EngineSchemaProvider(Schema schema, Supplier<ProjectNames> projectNames) {
    this.schema = schema;
    this.resolver = new SchemaPathResolver(schema);
    this.projectNames = projectNames;
  }

  @Override
  public List<SchemaKey> keys(YamlPath mapPath) {
    return resolver
        .resolve(mapPath)
        .map(
            place -> {
              if (place.properties() != null) {
                return propertyKeys(place.properties());
              }
              if (place.components() != null) {
                List<SchemaKey> keys = new ArrayList<>();
                place.components().entries().forEach(d -> keys.add(componentKey(d)));
                for (String name : projectNames.get().names(projectKind(place.components()))) {
                  keys.add(new SchemaKey(name, PROJECT_DOC, ValueShape.SCALAR));
                }
                return keys;
              }
              if (place.component() != null) {
                return propertyKeys(place.component().params());
              }
              return List.<SchemaKey>of();
            })
        .orElse(List.of());
  }

  @Override
  public List<SchemaValue> values(YamlPath valuePath) {
    YamlPath path = valuePath;
    while (!path.isRoot() && path.last() instanceof YamlPath.Index) {
      path = path.parent();
    }
    return resolver
        .resolve(path)
        .filter(place -> place.property() != null)
        .map(place -> valuesOf(place.property()))
        .orElse(List.of());
  }

  private List<SchemaValue> valuesOf(PropertySpec p) {
    List<SchemaValue> out = new ArrayList<>();
    switch (p.type()) {
      case ENUM, NEGATIVES -> {
        List<String> values =
            p.type() == ValueType.NEGATIVES ? List.of("none", "real", "all") : p.values();
        values.forEach(v -> out.add(new SchemaValue(v, "")));
      }
      case BOOL -> {
        out.add(new SchemaValue("true", ""));
        out.add(new SchemaValue("false", ""));
      }
      case METRIC, MONITOR -> {
        Set<String> project = projectNames.get().names(ProjectNames.Kind.METRIC);
        for (Named n : schema.metrics().entries()) {
          out.add(new SchemaValue("val_" + n.name(), "On validation data: " + n.doc()));
        }
        for (String name : project) {
          out.add(new SchemaValue("val_" + name, "On validation data. " + PROJECT_DOC));
        }
        for (Named n : schema.metrics().entries()) {
          out.add(new SchemaValue(n.name(), n.doc()));
        }
        project.forEach(name -> out.add(new SchemaValue(name, PROJECT_DOC)));
      }
      default -> {
        schema
            .catalogFor(p.type())
            .filter(c -> p.type() != ValueType.AUGMENTERS && p.type() != ValueType.CALLBACKS)
            .ifPresent(c -> c.entries().forEach(n -> out.add(new SchemaValue(n.name(), n.doc()))));
        ProjectNames.Kind kind = projectKind(p.type());
        if (kind != null) {
          projectNames.get().names(kind).forEach(n -> out.add(new SchemaValue(n, PROJECT_DOC)));
        }
      }
    }
    return out;
  }

  /** Which project names may stand as a value of this type, or {@code null}. */
  private static ProjectNames.Kind projectKind(ValueType type) {
    return switch (type) {
      case ARCHITECTURE -> ProjectNames.Kind.ARCHITECTURE;
      case LOSS -> ProjectNames.Kind.LOSS;
      case METRIC_LIST, FINAL_METRICS -> ProjectNames.Kind.METRIC;
      default -> null;
    };
  }

  /** Which project names are keys of this component tree, or {@code null}. */
  private ProjectNames.Kind projectKind(NameCatalog<ComponentDef> components) {
    if (components == schema.datasetFactories()) {
      return ProjectNames.Kind.DATASET_FACTORY;
    }
    return components == schema.callbacks() ? ProjectNames.Kind.CALLBACK : null;
  }

  private static List<SchemaKey> propertyKeys(Map<String, PropertySpec> props) {
    List<SchemaKey> out = new ArrayList<>();
    for (PropertySpec p : props.values()) {
      out.add(new SchemaKey(p.name(), describe(p), shapeOf(p.type())));
    }
    return out;
  }

  private static SchemaKey componentKey(ComponentDef d) {
    ValueShape shape =
        d.positional().isEmpty() && !d.params().isEmpty() ? ValueShape.MAP : ValueShape.SCALAR;
    String params =
        d.params().isEmpty() ? "" : "\nParameters: " + String.join(", ", d.params().keySet());
    return new SchemaKey(d.name(), d.doc() + params, shape);
  }

  private static String describe(PropertySpec p) {
    StringBuilder doc = new StringBuilder(p.doc());
    doc.append("\n\nType: ").append(p.type().description());
    if (p.type() == ValueType.ENUM) {
      doc.append(" (").append(String.join(", ", p.values())).append(')');
    }
    String bounds = p.describeBounds();
    if (!bounds.isEmpty()) {
      doc.append(", ").append(bounds);
    }
    if (p.hasDefault()) {
      doc.append(". Default: ").append(p.defaultValue());
    }
    if (p.required()) {
      doc.append(". Required.");
    }
    return doc.toString();
  }

  private static ValueShape shapeOf(ValueType type) {
    return switch (type) {
      case AUGMENTERS, CALLBACKS, DATASET, DATASETS -> ValueShape.MAP;
      case STAGES -> ValueShape.LIST;
      default -> ValueShape.SCALAR;
    };
  }
}
