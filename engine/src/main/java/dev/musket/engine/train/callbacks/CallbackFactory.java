package dev.musket.engine.train.callbacks;

import dev.musket.engine.config.ComponentReader;
import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.StageConfig;
import dev.musket.engine.config.schema.ComponentDef;
import dev.musket.engine.config.schema.NameCatalog;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.config.validate.DiagnosticSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Builds the callbacks of a stage from the config's {@code {Name: args}} entries.
 *
 * <p>Musket's rule for a stage: its {@code callbacks} replace the global ones, its {@code
 * extra_callbacks} are added after them. Every call builds fresh instances, because Musket
 * deep-copied the callbacks for every fold and stage, so no counter leaks from one stage into the
 * next. Defaults come from the schema. Project code may add builders for its own callback names.
 */
public final class CallbackFactory {

  /** The callbacks this engine runs itself. */
  public static final List<String> BUILT_IN =
      List.of(
          "EarlyStopping",
          "ReduceLROnPlateau",
          "CyclicLR",
          "LRVariator",
          "TerminateOnNaN",
          "ModelCheckpoint");

  private final NameCatalog<ComponentDef> catalog;
  private final Map<String, Function<ComponentSpec, TrainingCallback>> projectBuilders;
  private final Path experimentDir;
  private UnaryOperator<String> monitorNames = UnaryOperator.identity();

  /** A factory whose relative checkpoint paths resolve against the working directory. */
  public CallbackFactory() {
    this(Schema.classification(), Map.of(), Path.of(""));
  }

  /**
   * @param projectBuilders builders for callback names defined by project code (or by other engine
   *     packages, such as the config's own {@code CSVLogger}), by name; they win over the built-in
   *     ones
   * @param experimentDir where relative file names in callback arguments resolve (Musket ran in the
   *     experiment's folder)
   */
  public CallbackFactory(
      Schema schema,
      Map<String, Function<ComponentSpec, TrainingCallback>> projectBuilders,
      Path experimentDir) {
    this.catalog = schema.callbacks();
    // names are matched case-insensitively, as Musket matched them (and validation does)
    TreeMap<String, Function<ComponentSpec, TrainingCallback>> byName =
        new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(projectBuilders);
    this.projectBuilders = Collections.unmodifiableMap(byName);
    this.experimentDir = experimentDir;
  }

  /** The entries that apply to a stage: its own {@code callbacks} or the global ones, + extras. */
  public static List<ComponentSpec> specsForStage(List<ComponentSpec> global, StageConfig stage) {
    List<ComponentSpec> specs = new ArrayList<>();
    specs.addAll(stage.callbacks() != null ? stage.callbacks() : global);
    if (stage.extraCallbacks() != null) {
      specs.addAll(stage.extraCallbacks());
    }
    return specs;
  }

  /** Fresh callbacks for one fold's stage. */
  /**
   * Renames each callback's {@code monitor} before use: the runner maps a final metric named
   * without {@code val_} to the {@code val_<name>} column it is logged under.
   */
  public CallbackFactory monitoringAs(UnaryOperator<String> names) {
    this.monitorNames = names;
    return this;
  }

  public List<TrainingCallback> forStage(List<ComponentSpec> global, StageConfig stage) {
    List<TrainingCallback> out = new ArrayList<>();
    for (ComponentSpec spec : specsForStage(global, stage)) {
      out.add(create(spec));
    }
    return out;
  }

  /**
   * Builds one callback.
   *
   * @throws IllegalArgumentException for an argument the callback cannot take, or a name no builder
   *     knows (the message lists the ones it knows)
   */
  public TrainingCallback create(ComponentSpec spec) {
    Function<ComponentSpec, TrainingCallback> project = projectBuilders.get(spec.name());
    if (project != null) {
      return project.apply(spec);
    }
    ComponentDef def =
        catalog
            .find(spec.name())
            .orElseThrow(() -> unknown(spec.name(), "is not a known callback"));
    CallbackArgs a = new CallbackArgs(spec, def);
    return switch (def.name()) {
      case "EarlyStopping" ->
          new EarlyStopping(
              monitorNames.apply(a.text("monitor")),
              a.integer("patience"),
              a.text("mode"),
              a.number("min_delta"),
              a.numberOrNull("baseline"),
              a.bool("restore_best_weights"));
      case "ReduceLROnPlateau" ->
          new ReduceLROnPlateau(
              monitorNames.apply(a.text("monitor")),
              a.number("factor"),
              a.integer("patience"),
              a.text("mode"),
              a.number("min_delta"),
              a.integer("cooldown"),
              a.number("min_lr"));
      case "CyclicLR" ->
          new CyclicLR(
              a.number("base_lr"),
              a.number("max_lr"),
              a.number("step_size"),
              CyclicLR.Mode.parse(a.text("mode")),
              a.number("gamma"),
              a.given("scale_mode") ? a.text("scale_mode") : null);
      case "LRVariator" ->
          new LRVariator(
              a.numberOrNull("fromVal"),
              a.number("toVal"),
              LrCurve.parse(a.value("style")),
              a.numberOrNull("relSize"),
              a.integerOrNull("absSize"),
              a.numberOrNull("periodEpochs"),
              a.integerOrNull("periodSteps"),
              a.node("then").map(this::chained).orElse(null));
      case "TerminateOnNaN" -> new TerminateOnNaN();
      case "ModelCheckpoint" ->
          new ModelCheckpoint(
              a.text("filepath"),
              experimentDir,
              monitorNames.apply(a.text("monitor")),
              a.bool("save_best_only"),
              a.text("mode"));
      default -> throw unknown(def.name(), "is not supported by this engine yet");
    };
  }

  /** Musket's {@code then}: a callback tree of which the first entry is used. */
  private TrainingCallback chained(ConfigNode tree) {
    DiagnosticSink sink = new DiagnosticSink();
    List<ComponentReader.Entry> entries = ComponentReader.entries(tree, sink);
    if (entries.isEmpty()) {
      return null;
    }
    ComponentReader.Entry first = entries.get(0);
    return catalog
        .find(first.name())
        .map(def -> create(ComponentReader.bind(def, first, sink)))
        .orElseGet(
            () -> {
              if (projectBuilders.containsKey(first.name())) {
                Map<String, ConfigNode> args = new LinkedHashMap<>();
                if (first.value() instanceof ConfigNode.Mapping m) {
                  m.entries().forEach(e -> args.put(e.key(), e.value()));
                }
                return create(
                    new ComponentSpec(first.name(), args, first.keyPosition(), first.value()));
              }
              throw unknown(first.name(), "is not a known callback");
            });
  }

  private IllegalArgumentException unknown(String name, String problem) {
    TreeSet<String> known = new TreeSet<>(BUILT_IN);
    known.addAll(projectBuilders.keySet());
    return new IllegalArgumentException(
        "Callback '"
            + name
            + "' "
            + problem
            + "; callbacks that can run: "
            + String.join(", ", known));
  }
}
