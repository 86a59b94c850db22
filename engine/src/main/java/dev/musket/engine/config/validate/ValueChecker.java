package dev.musket.engine.config.validate;

import dev.musket.engine.config.ComponentReader;
import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.LossExpression;
import dev.musket.engine.config.schema.ComponentDef;
import dev.musket.engine.config.schema.NameCatalog;
import dev.musket.engine.config.schema.Named;
import dev.musket.engine.config.schema.PropertySpec;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.config.schema.Suggestions;
import dev.musket.engine.config.schema.ValueType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Stage 1 of validation for one value: is it of the property's type, within its bounds, one of its
 * allowed values, a name the engine (or the project) knows? Components (augmenters, callbacks,
 * datasets) are checked recursively, parameter by parameter.
 */
final class ValueChecker {

  private final Schema schema;
  private final ProjectNames project;
  private final DiagnosticSink sink;
  private final java.util.Set<String> finalMetrics = new java.util.HashSet<>();

  ValueChecker(Schema schema, ProjectNames project, DiagnosticSink sink) {
    this.schema = schema;
    this.project = project;
    this.sink = sink;
  }

  /** Names listed in the config's final_metrics: metric references may name them too. */
  void declareFinalMetrics(ConfigNode finalMetricsNode) {
    if (finalMetricsNode instanceof ConfigNode.Scalar s && s.isString()) {
      finalMetrics.add(s.asText());
    } else if (finalMetricsNode instanceof ConfigNode.Sequence seq) {
      for (ConfigNode item : seq.items()) {
        if (item instanceof ConfigNode.Scalar s && s.isString()) {
          finalMetrics.add(s.asText());
        } else if (item instanceof ConfigNode.Mapping m) {
          finalMetrics.addAll(m.keys());
        }
      }
    }
  }

  /** Checks {@code node} as the value of {@code spec}; {@code label} names it in messages. */
  void check(PropertySpec spec, ConfigNode node, String label) {
    if (node instanceof ConfigNode.Scalar s && s.isNull()) {
      if (!spec.nullable() && !acceptsEmpty(spec.type())) {
        sink.error(
            node,
            label
                + " has no value; expected "
                + expectation(spec)
                + (spec.hasDefault()
                    ? " (remove the line to use the default, " + shown(spec.defaultValue()) + ")"
                    : ""));
      }
      return;
    }
    switch (spec.type()) {
      case INT -> integer(spec, node, label);
      case NUMBER -> number(spec, node, label);
      case BOOL -> bool(node, label);
      case STRING, PATH -> text(node, label, spec);
      case ENUM -> enumValue(spec, node, label);
      case INT_LIST, NUMBER_LIST -> numberList(spec, node, label);
      case STRING_LIST -> stringList(node, label, spec, false);
      case STRING_OR_LIST -> stringList(node, label, spec, true);
      case INT_OR_LIST -> intOrList(spec, node, label);
      case ARCHITECTURE ->
          name(node, label, schema.architectures(), ProjectNames.Kind.ARCHITECTURE, "architecture");
      case OPTIMIZER -> name(node, label, schema.optimizers(), null, "optimizer");
      case ACTIVATION -> eachName(node, label, schema.activations(), null, "activation");
      case LOSS -> losses(node, label);
      case METRIC, MONITOR -> metricName(node, label);
      case METRIC_LIST ->
          eachName(node, label, schema.metrics(), ProjectNames.Kind.METRIC, "metric");
      case FINAL_METRICS -> finalMetrics(node, label);
      case AUGMENTERS -> components(node, schema.augmenters(), null, "augmenter");
      case CALLBACKS ->
          components(node, schema.callbacks(), ProjectNames.Kind.CALLBACK, "callback");
      case DATASET -> dataset(node, label);
      case DATASETS -> datasets(node, label);
      case DATASET_REFERENCE -> datasetReference(node, label);
      case NEGATIVES -> negatives(node, label);
      case PROBABILITY -> probability(node, label);
      case RANGE, INT_RANGE -> range(spec, node, label, spec.type() == ValueType.INT_RANGE);
      case CHOICE -> choice(spec, node, label);
      case XY -> xy(spec, node, label);
      case PER_CHANNEL -> perChannel(node, label);
      case STAGES, ANY -> {
        // stages are checked by StructuralValidator; ANY takes anything
      }
    }
  }

  private static boolean acceptsEmpty(ValueType type) {
    return switch (type) {
      case ANY, AUGMENTERS, CALLBACKS, DATASETS, METRIC_LIST, STRING_LIST, FINAL_METRICS -> true;
      default -> false;
    };
  }

  // ---- scalars -------------------------------------------------------------------------------

  private boolean integer(PropertySpec spec, ConfigNode node, String label) {
    if (node instanceof ConfigNode.Scalar s && s.isInteger()) {
      return bounds(spec, s, label);
    }
    wrongType(node, label, expectation(spec));
    return false;
  }

  private boolean number(PropertySpec spec, ConfigNode node, String label) {
    if (node instanceof ConfigNode.Scalar s && s.isNumber()) {
      if (Double.isNaN(s.asDouble())) {
        sink.error(node, label + " is NaN; expected " + expectation(spec));
        return false;
      }
      return bounds(spec, s, label);
    }
    wrongType(node, label, expectation(spec));
    return false;
  }

  private void bool(ConfigNode node, String label) {
    if (!(node instanceof ConfigNode.Scalar s && s.isBoolean())) {
      wrongType(node, label, "true or false");
    }
  }

  private void text(ConfigNode node, String label, PropertySpec spec) {
    if (!(node instanceof ConfigNode.Scalar)) {
      wrongType(node, label, expectation(spec));
    }
  }

  private void enumValue(PropertySpec spec, ConfigNode node, String label) {
    if (!(node instanceof ConfigNode.Scalar s)) {
      wrongType(node, label, expectation(spec));
      return;
    }
    String v = s.asText();
    boolean ok =
        spec.ignoreCase()
            ? spec.values().stream().anyMatch(x -> x.equalsIgnoreCase(v))
            : spec.values().contains(v);
    if (!ok) {
      String text = label + " is '" + v + "'; allowed: " + String.join(", ", spec.values());
      Optional<String> close = Suggestions.closest(v, spec.values());
      sink.error(node, close.map(c -> text + " (did you mean '" + c + "'?)").orElse(text));
    }
  }

  private boolean bounds(PropertySpec spec, ConfigNode.Scalar s, String label) {
    double v = s.asDouble();
    boolean ok =
        (spec.min() == null || v >= spec.min())
            && (spec.max() == null || v <= spec.max())
            && (spec.exclusiveMin() == null || v > spec.exclusiveMin())
            && (spec.exclusiveMax() == null || v < spec.exclusiveMax());
    if (!ok) {
      sink.error(s, label + " is " + s.text() + "; it must be " + spec.describeBounds());
    }
    return ok;
  }

  private void probability(ConfigNode node, String label) {
    if (node instanceof ConfigNode.Scalar s && s.isNumber()) {
      double p = s.asDouble();
      if (!(p >= 0 && p <= 1)) {
        sink.error(node, label + " is " + s.text() + "; a probability must be between 0 and 1");
      }
      return;
    }
    wrongType(node, label, "a probability between 0 and 1");
  }

  private void perChannel(ConfigNode node, String label) {
    if (node instanceof ConfigNode.Scalar s && s.isBoolean()) {
      return;
    }
    probability(node, label);
  }

  // ---- lists and ranges ----------------------------------------------------------------------

  private void numberList(PropertySpec spec, ConfigNode node, String label) {
    if (!(node instanceof ConfigNode.Sequence list)) {
      wrongType(node, label, expectation(spec));
      return;
    }
    if (spec.length() != null && list.items().size() != spec.length()) {
      sink.error(
          node,
          label
              + " has "
              + list.items().size()
              + " value"
              + (list.items().size() == 1 ? "" : "s")
              + "; it needs exactly "
              + spec.length()
              + (spec.name().equals("shape") ? " ([height, width, channels])" : ""));
    }
    for (int i = 0; i < list.items().size(); i++) {
      ConfigNode item = list.items().get(i);
      String itemLabel = label + "[" + i + "]";
      if (spec.type() == ValueType.INT_LIST) {
        integer(spec, item, itemLabel);
      } else {
        number(spec, item, itemLabel);
      }
    }
  }

  private void stringList(ConfigNode node, String label, PropertySpec spec, boolean orSingle) {
    if (orSingle && node instanceof ConfigNode.Scalar) {
      return;
    }
    if (!(node instanceof ConfigNode.Sequence list)) {
      wrongType(node, label, expectation(spec));
      return;
    }
    for (ConfigNode item : list.items()) {
      if (!(item instanceof ConfigNode.Scalar s) || s.isNull()) {
        wrongType(item, label + " item", "a string");
      }
    }
  }

  private void intOrList(PropertySpec spec, ConfigNode node, String label) {
    if (node instanceof ConfigNode.Sequence list) {
      if (list.items().isEmpty()) {
        sink.error(node, label + " is an empty list; expected " + expectation(spec));
      }
      for (int i = 0; i < list.items().size(); i++) {
        integer(spec, list.items().get(i), label + "[" + i + "]");
      }
    } else {
      integer(spec, node, label);
    }
  }

  private void range(PropertySpec spec, ConfigNode node, String label, boolean integers) {
    if (node instanceof ConfigNode.Scalar s && (integers ? s.isInteger() : s.isNumber())) {
      bounds(spec, s, label);
      return;
    }
    if (node instanceof ConfigNode.Sequence list && list.items().size() == 2) {
      boolean ok = true;
      for (ConfigNode item : list.items()) {
        ok &= integers ? integer(spec, item, label) : number(spec, item, label);
      }
      if (ok) {
        double lo = ((ConfigNode.Scalar) list.items().get(0)).asDouble();
        double hi = ((ConfigNode.Scalar) list.items().get(1)).asDouble();
        if (lo > hi) {
          sink.error(
              node,
              label
                  + " is the range ["
                  + shown(lo)
                  + ", "
                  + shown(hi)
                  + "]; the minimum comes first");
        }
      }
      return;
    }
    wrongType(node, label, spec.type().description());
  }

  private void choice(PropertySpec spec, ConfigNode node, String label) {
    if (node instanceof ConfigNode.Sequence list && list.items().size() != 2) {
      if (list.items().isEmpty()) {
        sink.error(node, label + " is an empty list; give values to choose from");
      }
      for (ConfigNode item : list.items()) {
        number(spec, item, label + " choice");
      }
      return;
    }
    range(spec, node, label, false);
  }

  private void xy(PropertySpec spec, ConfigNode node, String label) {
    if (node instanceof ConfigNode.Mapping map) {
      for (ConfigNode.Entry e : map.entries()) {
        if (e.key().equals("x") || e.key().equals("y")) {
          range(spec, e.value(), label + "." + e.key(), false);
        } else {
          sink.error(e.value(), label + " has the key '" + e.key() + "'; only x and y are allowed");
        }
      }
      return;
    }
    range(spec, node, label, false);
  }

  private void negatives(ConfigNode node, String label) {
    if (node instanceof ConfigNode.Scalar s) {
      if (s.isNumber() && s.asDouble() >= 0) {
        return;
      }
      if (s.isString() && List.of("none", "real", "all").contains(s.asText())) {
        return;
      }
    }
    sink.error(
        node,
        label
            + " is "
            + shownNode(node)
            + "; allowed: none (positives only), real or all (every negative), or a number N >= 0"
            + " (N x positives)");
  }

  // ---- names -----------------------------------------------------------------------------------

  private void eachName(
      ConfigNode node,
      String label,
      NameCatalog<? extends Named> catalog,
      ProjectNames.Kind kind,
      String noun) {
    if (node instanceof ConfigNode.Sequence list) {
      for (ConfigNode item : list.items()) {
        name(item, label, catalog, kind, noun);
      }
    } else {
      name(node, label, catalog, kind, noun);
    }
  }

  /** Checks a name against the engine's catalog and, for project-definable kinds, the project. */
  boolean name(
      ConfigNode node,
      String label,
      NameCatalog<? extends Named> catalog,
      ProjectNames.Kind kind,
      String noun) {
    if (!(node instanceof ConfigNode.Scalar s) || s.isNull() || !(s.isString())) {
      wrongType(node, label, "a" + (noun.matches("^[aeiou].*") ? "n " : " ") + noun + " name");
      return false;
    }
    String name = s.asText();
    if (catalog.contains(name) || (kind != null && project.defines(kind, name))) {
      return true;
    }
    if (kind == ProjectNames.Kind.METRIC && project.defines(ProjectNames.Kind.LOSS, name)) {
      return true; // every loss is also a metric, the project's too
    }
    unknownName(node, name, catalog.names(), catalog.suggest(name), kind, noun);
    return false;
  }

  void unknownName(
      ConfigNode node,
      String name,
      List<String> known,
      Optional<String> suggestion,
      ProjectNames.Kind kind,
      String noun) {
    Set<String> projectNames = project.names(kind);
    if (suggestion.isEmpty()) {
      suggestion = Suggestions.closest(name, projectNames);
    }
    if (!projectNames.isEmpty()) {
      known = new java.util.ArrayList<>(known);
      known.addAll(projectNames);
    }
    StringBuilder text = new StringBuilder("unknown " + noun + " '" + name + "'");
    suggestion.ifPresent(x -> text.append("; did you mean '").append(x).append("'?"));
    if (kind != null && !project.inProject()) {
      text.append(
          suggestion.isPresent()
              ? " Otherwise it must be defined by project code (modules/)."
              : "; it must be defined by project code (modules/), which is not checked outside a"
                  + " project");
      sink.warning(node, text.toString());
      return;
    }
    if (suggestion.isEmpty()) {
      text.append("; known ").append(plural(noun)).append(": ").append(abbreviated(known));
      if (kind != null && projectNames.isEmpty()) {
        text.append(", or one defined in the project's modules/");
      }
    }
    sink.error(node, text.toString());
  }

  private void losses(ConfigNode node, String label) {
    if (node instanceof ConfigNode.Sequence list) {
      if (list.items().isEmpty()) {
        sink.error(node, label + " is an empty list; give one loss per output");
      }
      list.items().forEach(item -> loss(item, label));
    } else {
      loss(node, label);
    }
  }

  private void loss(ConfigNode node, String label) {
    if (!(node instanceof ConfigNode.Scalar s) || !s.isString()) {
      wrongType(
          node, label, "a loss name or an expression such as binary_crossentropy+0.1*dice_loss");
      return;
    }
    LossExpression.Parsed parsed = LossExpression.parse(s.asText());
    if (parsed.error() != null) {
      sink.error(node, label + " '" + s.asText() + "' is malformed: " + parsed.error());
      return;
    }
    for (LossExpression.Term term : parsed.expression().terms()) {
      if (!schema.losses().contains(term.loss())
          && !project.defines(ProjectNames.Kind.LOSS, term.loss())) {
        unknownName(
            node,
            term.loss(),
            schema.losses().names(),
            schema.losses().suggest(term.loss()),
            ProjectNames.Kind.LOSS,
            "loss");
      }
    }
  }

  /**
   * A metric reference such as {@code val_macro_f1} or {@code binary_accuracy_holdout}: the prefix
   * and suffix are stripped before the name is looked up. Whether it is actually computed is a
   * cross-field question ({@link MonitoredMetricCheck}).
   */
  private void metricName(ConfigNode node, String label) {
    if (!(node instanceof ConfigNode.Scalar s) || !s.isString()) {
      wrongType(node, label, "a metric name");
      return;
    }
    String base = MetricNames.base(s.asText());
    if (MetricNames.isKnown(base, schema)
        || finalMetrics.contains(base)
        || MetricNames.isProjects(base, project)) {
      return;
    }
    unknownName(
        node,
        s.asText(),
        schema.metrics().names(),
        schema.metrics().suggest(base).map(x -> MetricNames.rebuild(s.asText(), x)),
        ProjectNames.Kind.METRIC,
        "metric");
  }

  private void finalMetrics(ConfigNode node, String label) {
    List<ComponentReader.Entry> entries;
    if (node instanceof ConfigNode.Scalar) {
      name(node, label, schema.metrics(), ProjectNames.Kind.METRIC, "final metric");
      return;
    }
    entries = ComponentReader.entries(node, sink);
    for (ComponentReader.Entry e : entries) {
      ConfigNode.Scalar nameNode =
          new ConfigNode.Scalar(e.name(), e.name(), e.file(), e.keyPosition(), e.path());
      name(nameNode, label, schema.metrics(), ProjectNames.Kind.METRIC, "final metric");
      if (e.value() instanceof ConfigNode.Mapping options) {
        for (ConfigNode.Entry o : options.entries()) {
          if (!o.key().equals("for_validation")) {
            sink.error(
                o.value(),
                "final metric option '"
                    + o.key()
                    + "' is unknown; the only option is for_validation");
          } else {
            bool(o.value(), "for_validation");
          }
        }
      } else if (!(e.value() instanceof ConfigNode.Scalar v && v.isNull())) {
        sink.error(e.value(), "write a final metric as a name, or `name: {for_validation: true}`");
      }
    }
  }

  // ---- components ------------------------------------------------------------------------------

  /** Checks a component tree and returns the components it could bind. */
  List<ComponentSpec> components(
      ConfigNode tree, NameCatalog<ComponentDef> catalog, ProjectNames.Kind kind, String noun) {
    List<ComponentSpec> out = new java.util.ArrayList<>();
    for (ComponentReader.Entry e : ComponentReader.entries(tree, sink)) {
      component(e, catalog, kind, noun).ifPresent(out::add);
    }
    return out;
  }

  Optional<ComponentSpec> component(
      ComponentReader.Entry e,
      NameCatalog<ComponentDef> catalog,
      ProjectNames.Kind kind,
      String noun) {
    Optional<ComponentDef> def = catalog.find(e.name());
    if (def.isEmpty()) {
      if (kind != null && project.defines(kind, e.name())) {
        return Optional.empty(); // project code checks its own arguments
      }
      ConfigNode.Scalar at =
          new ConfigNode.Scalar(e.name(), e.name(), e.file(), e.keyPosition(), e.path());
      unknownName(at, e.name(), catalog.names(), catalog.suggest(e.name()), kind, noun);
      return Optional.empty();
    }
    ComponentSpec spec = ComponentReader.bind(def.get(), e, sink);
    spec.args()
        .forEach(
            (param, value) ->
                check(def.get().params().get(param), value, def.get().name() + "." + param));
    return Optional.of(spec);
  }

  private void dataset(ConfigNode node, String label) {
    if (node instanceof ConfigNode.Mapping map && map.entries().size() == 1) {
      ConfigNode.Entry e = map.entries().get(0);
      component(
          new ComponentReader.Entry(e.key(), e.keyPosition(), e.value(), map),
          schema.datasetFactories(),
          ProjectNames.Kind.DATASET_FACTORY,
          "dataset factory");
      return;
    }
    sink.error(
        node,
        label
            + " must be one `{factory: arguments}` entry, e.g. `{image_folder: [data/train]}`; got "
            + (node instanceof ConfigNode.Mapping m
                ? "a map with " + m.entries().size() + " keys"
                : shownNode(node)));
  }

  /**
   * A dataset by its name in {@code datasets:} (whether the name is defined is a cross-field
   * question: {@link dev.musket.engine.config.validate.checks.ExtraTrainDataCheck}), or inline.
   */
  private void datasetReference(ConfigNode node, String label) {
    if (node instanceof ConfigNode.Scalar s && s.isString()) {
      return;
    }
    if (node instanceof ConfigNode.Mapping) {
      dataset(node, label);
      return;
    }
    wrongType(node, label, ValueType.DATASET_REFERENCE.description());
  }

  private void datasets(ConfigNode node, String label) {
    if (!(node instanceof ConfigNode.Mapping map)) {
      wrongType(node, label, ValueType.DATASETS.description());
      return;
    }
    for (ConfigNode.Entry e : map.entries()) {
      dataset(e.value(), label + "." + e.key());
    }
  }

  // ---- messages --------------------------------------------------------------------------------

  void wrongType(ConfigNode node, String label, String expected) {
    sink.error(node, label + " must be " + expected + ", got " + shownNode(node));
  }

  static String expectation(PropertySpec spec) {
    String what = spec.type().description();
    if (spec.type() == ValueType.ENUM) {
      what = "one of " + String.join(", ", spec.values());
    }
    if (spec.length() != null) {
      what += " of length " + spec.length();
    }
    String bounds = spec.describeBounds();
    return bounds.isEmpty() ? what : what + ", " + bounds;
  }

  static String shownNode(ConfigNode node) {
    if (node instanceof ConfigNode.Scalar s) {
      return s.isNull() ? "nothing" : s.describeKind() + " '" + s.text() + "'";
    }
    return node.describeKind();
  }

  static String shown(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(value);
  }

  private static String plural(String noun) {
    return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
  }

  private static String abbreviated(List<String> names) {
    return names.size() <= 30
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, 30)) + ", ... (" + names.size() + " in all)";
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
