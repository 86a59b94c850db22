package dev.musket.engine.config.schema;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Musket classification config language: every root and stage property, and every name the
 * engine supports (architectures, augmenters, callbacks, optimizers, losses, metrics, activations,
 * dataset factories). Loaded once from the schema files under {@code
 * dev/musket/engine/config/schema/}; it is the single source of truth for validation, the editor's
 * completion and hover docs, {@code docs/config-reference.md} and {@code musket schema}.
 */
public final class Schema {

  private static volatile Schema classification;

  private final Map<String, PropertySpec> root;
  private final Map<String, PropertySpec> stage;
  private final NameCatalog<NamedEntry> architectures;
  private final NameCatalog<ComponentDef> augmenters;
  private final NameCatalog<ComponentDef> callbacks;
  private final NameCatalog<ComponentDef> datasetFactories;
  private final NameCatalog<NamedEntry> optimizers;
  private final NameCatalog<NamedEntry> losses;
  private final NameCatalog<NamedEntry> metrics;
  private final NameCatalog<NamedEntry> activations;

  Schema(
      Map<String, PropertySpec> root,
      Map<String, PropertySpec> stage,
      NameCatalog<NamedEntry> architectures,
      NameCatalog<ComponentDef> augmenters,
      NameCatalog<ComponentDef> callbacks,
      NameCatalog<ComponentDef> datasetFactories,
      NameCatalog<NamedEntry> optimizers,
      NameCatalog<NamedEntry> losses,
      NameCatalog<NamedEntry> metrics,
      NameCatalog<NamedEntry> activations) {
    this.root = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(root));
    this.stage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stage));
    this.architectures = architectures;
    this.augmenters = augmenters;
    this.callbacks = callbacks;
    this.datasetFactories = datasetFactories;
    this.optimizers = optimizers;
    this.losses = losses;
    this.metrics = metrics;
    this.activations = activations;
  }

  /** The schema of {@code #%Musket Classification 1.0}, loaded on first use. */
  public static Schema classification() {
    Schema s = classification;
    if (s == null) {
      synchronized (Schema.class) {
        s = classification;
        if (s == null) {
          s = classification = SchemaLoader.loadClassification();
        }
      }
    }
    return s;
  }

  /** Root properties by canonical name, in schema order. */
  public Map<String, PropertySpec> rootProperties() {
    return root;
  }

  /** Properties of one item of {@code stages}, in schema order. */
  public Map<String, PropertySpec> stageProperties() {
    return stage;
  }

  /** A root property by name or alias ({@code batch_size} finds {@code batch}). */
  public Optional<PropertySpec> rootProperty(String name) {
    return property(root, name);
  }

  public Optional<PropertySpec> stageProperty(String name) {
    return property(stage, name);
  }

  private static Optional<PropertySpec> property(Map<String, PropertySpec> props, String name) {
    PropertySpec direct = props.get(name);
    if (direct != null) {
      return Optional.of(direct);
    }
    return props.values().stream().filter(p -> p.aliases().contains(name)).findFirst();
  }

  public NameCatalog<NamedEntry> architectures() {
    return architectures;
  }

  public NameCatalog<ComponentDef> augmenters() {
    return augmenters;
  }

  public NameCatalog<ComponentDef> callbacks() {
    return callbacks;
  }

  public NameCatalog<ComponentDef> datasetFactories() {
    return datasetFactories;
  }

  public NameCatalog<NamedEntry> optimizers() {
    return optimizers;
  }

  public NameCatalog<NamedEntry> losses() {
    return losses;
  }

  public NameCatalog<NamedEntry> metrics() {
    return metrics;
  }

  public NameCatalog<NamedEntry> activations() {
    return activations;
  }

  /** The catalog behind a name-valued type, or empty for other types. */
  public Optional<NameCatalog<? extends Named>> catalogFor(ValueType type) {
    return Optional.ofNullable(
        switch (type) {
          case ARCHITECTURE -> architectures;
          case OPTIMIZER -> optimizers;
          case ACTIVATION -> activations;
          case LOSS -> losses;
          case METRIC, METRIC_LIST, MONITOR, FINAL_METRICS -> metrics;
          case AUGMENTERS -> augmenters;
          case CALLBACKS -> callbacks;
          case DATASET, DATASETS -> datasetFactories;
          default -> null;
        });
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
