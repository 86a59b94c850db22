package dev.musket.app.editors;

import dev.musket.editor.document.YamlPath;
import dev.musket.engine.config.schema.ComponentDef;
import dev.musket.engine.config.schema.NameCatalog;
import dev.musket.engine.config.schema.PropertySpec;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.config.schema.ValueType;
import java.util.Map;
import java.util.Optional;

/**
 * Walks an editor path ({@code stages[0].callbacks.EarlyStopping}) through the engine's schema and
 * says what stands there: a map of properties, a tree of components (augmenters, callbacks, dataset
 * factories), one component's arguments, or a single property's value.
 */
final class SchemaPathResolver {

  /** What a path leads to. Exactly one of the fields describes it. */
  record Place(
      Map<String, PropertySpec> properties,
      NameCatalog<ComponentDef> components,
      ComponentDef component,
      PropertySpec property) {

    static Place properties(Map<String, PropertySpec> p) {
      return new Place(p, null, null, null);
    }

    static Place components(NameCatalog<ComponentDef> c) {
      return new Place(null, c, null, null);
    }

    static Place component(ComponentDef d) {
      return new Place(null, null, d, null);
    }

    static Place property(PropertySpec p) {
      return new Place(null, null, null, p);
    }
  }

  private final Schema schema;

  SchemaPathResolver(Schema schema) {
    this.schema = schema;
  }

  Optional<Place> resolve(YamlPath path) {
    Place place = Place.properties(schema.rootProperties());
    for (YamlPath.Segment segment : path.segments()) {
      Optional<Place> next = step(place, segment);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      place = next.get();
    }
    return Optional.of(place);
  }

  private Optional<Place> step(Place place, YamlPath.Segment segment) {
    if (segment instanceof YamlPath.Index) {
      if (place.property() != null && place.property().type() == ValueType.STAGES) {
        return Optional.of(Place.properties(schema.stageProperties()));
      }
      // a list item of a component tree or of a list-valued property stays where it is
      return place.components() != null || place.property() != null
          ? Optional.of(place)
          : Optional.empty();
    }
    String key = ((YamlPath.Key) segment).name();
    if (place.properties() != null) {
      PropertySpec spec = place.properties().get(key);
      return spec == null ? Optional.empty() : Optional.of(enter(spec));
    }
    if (place.components() != null) {
      return place.components().find(key).map(Place::component);
    }
    if (place.component() != null) {
      return place.component().param(key).map(this::enter);
    }
    if (place.property() != null && place.property().type() == ValueType.DATASETS) {
      return Optional.of(Place.components(schema.datasetFactories()));
    }
    return Optional.empty();
  }

  /** Properties whose value is itself a tree are entered as that tree. */
  private Place enter(PropertySpec spec) {
    return switch (spec.type()) {
      case AUGMENTERS -> Place.components(schema.augmenters());
      case CALLBACKS -> Place.components(schema.callbacks());
      case DATASET -> Place.components(schema.datasetFactories());
      default -> Place.property(spec);
    };
  }
}
