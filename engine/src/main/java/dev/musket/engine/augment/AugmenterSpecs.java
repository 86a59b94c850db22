package dev.musket.engine.augment;

import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns an augmenter node as Musket writes it (a map of {@code Name: args} entries, or a list of
 * one-entry maps) into {@link ComponentSpec}s with arguments by name, using the positional order in
 * {@code augmenters.yaml}.
 *
 * <p>Why here and not in the config layer: nested augmenters (Sequential's children,
 * BackgroundReplacer's {@code augmenters}) arrive as raw nodes, so the builder needs this mapping
 * anyway; the config layer can route through the same function so both agree.
 *
 * <p>Argument rules: a map gives arguments by name (for an augmenter whose first positional
 * parameter takes augmenters, a map whose keys are not its parameter names is that list of
 * augmenters); a scalar is the first positional argument; a list gives positional arguments in
 * order, except that a list of two numbers for a range parameter is that range, and a list for an
 * augmenters parameter is the whole list of children.
 */
public final class AugmenterSpecs {
  /** imgaug augmenters that Musket configs may name but this engine does not implement yet. */
  static final Set<String> NOT_YET_SUPPORTED =
      Set.of(
          "piecewiseaffine",
          "superpixels",
          "edgedetect",
          "directededgedetect",
          "bilateralblur",
          "motionblur",
          "frequencynoisealpha",
          "simplexnoisealpha",
          "alphaelementwise",
          "sigmoidcontrast",
          "logcontrast",
          "changecolorspace",
          "withcolorspace",
          "withchannels",
          "lambda",
          "assertlambda",
          "assertshape",
          "coarsesalt",
          "coarsepepper",
          "coarsesaltandpepper",
          "salt",
          "pepper",
          "replaceelementwise",
          "convolve",
          "incolorspace");

  private final AugmenterSchema schema;

  public AugmenterSpecs(AugmenterSchema schema) {
    this.schema = schema;
  }

  public static AugmenterSpecs builtIn() {
    return new AugmenterSpecs(AugmenterSchema.builtIn());
  }

  /** Reads every {@code Name: args} entry of {@code node}; problems go to {@code problems}. */
  public List<ComponentSpec> read(ConfigNode node, List<Diagnostic> problems) {
    List<ComponentSpec> specs = new ArrayList<>();
    if (node instanceof ConfigNode.Mapping map) {
      for (ConfigNode.Entry e : map.entries()) {
        readEntry(e, problems).ifPresent(specs::add);
      }
    } else if (node instanceof ConfigNode.Sequence seq) {
      for (ConfigNode item : seq.items()) {
        if (item instanceof ConfigNode.Mapping m && m.entries().size() == 1) {
          readEntry(m.entries().get(0), problems).ifPresent(specs::add);
        } else {
          problems.add(
              error(
                  item,
                  "expected an augmenter as a one-entry map {Name: args}, got "
                      + item.describeKind()));
        }
      }
    } else if (!(node instanceof ConfigNode.Scalar s && s.isNull())) {
      problems.add(
          error(
              node,
              "expected augmenters as a map of {Name: args} or a list of them, got "
                  + node.describeKind()));
    }
    return specs;
  }

  private java.util.Optional<ComponentSpec> readEntry(
      ConfigNode.Entry entry, List<Diagnostic> problems) {
    var found = schema.find(entry.key());
    ConfigNode value = entry.value();
    if (found.isEmpty()) {
      String message =
          NOT_YET_SUPPORTED.contains(entry.key().toLowerCase(java.util.Locale.ROOT))
              ? "augmenter '"
                  + entry.key()
                  + "' (imgaug) is not supported yet; see docs/augmentation.md for the supported"
                  + " list"
              : "unknown augmenter '"
                  + entry.key()
                  + "'; known augmenters: "
                  + String.join(", ", schema.entries().keySet());
      problems.add(Diagnostic.error(value.file(), value.path(), entry.keyPosition(), message));
      return java.util.Optional.empty();
    }
    AugmenterSchema.Entry decl = found.get();
    Map<String, ConfigNode> args = new LinkedHashMap<>();
    List<String> positional = decl.positional();
    AugmenterSchema.ParamSpec first =
        positional.isEmpty() ? null : decl.param(positional.get(0)).orElse(null);
    if (value instanceof ConfigNode.Mapping map) {
      boolean isChildren =
          first != null
              && first.takesAugmenters()
              && map.entries().stream().noneMatch(e -> decl.params().containsKey(e.key()));
      if (isChildren) {
        args.put(first.name(), map);
      } else {
        for (ConfigNode.Entry e : map.entries()) {
          if (decl.params().containsKey(e.key())) {
            args.put(e.key(), e.value());
          } else {
            problems.add(
                Diagnostic.error(
                    e.value().file(),
                    e.value().path(),
                    e.keyPosition(),
                    decl.name()
                        + " has no parameter '"
                        + e.key()
                        + "'; its parameters: "
                        + String.join(", ", decl.params().keySet())));
          }
        }
      }
    } else if (value instanceof ConfigNode.Sequence seq) {
      if (first != null && (first.takesAugmenters() || isRange(first, seq))) {
        args.put(first.name(), seq);
      } else if (seq.items().size() > positional.size()) {
        problems.add(
            error(
                seq,
                decl.name()
                    + " takes at most "
                    + positional.size()
                    + " positional arguments ("
                    + String.join(", ", positional)
                    + "), got "
                    + seq.items().size()));
      } else {
        for (int i = 0; i < seq.items().size(); i++) {
          args.put(positional.get(i), seq.items().get(i));
        }
      }
    } else if (value instanceof ConfigNode.Scalar s && !s.isNull()) {
      if (first == null) {
        problems.add(error(value, decl.name() + " takes no positional argument"));
      } else {
        args.put(first.name(), value);
      }
    }
    return java.util.Optional.of(new ComponentSpec(decl.name(), args, value.position(), value));
  }

  private static boolean isRange(AugmenterSchema.ParamSpec param, ConfigNode.Sequence seq) {
    return param.takesRange()
        && seq.items().size() >= 2
        && seq.items().stream().allMatch(n -> n instanceof ConfigNode.Scalar s && s.isNumber());
  }

  static Diagnostic error(ConfigNode at, String message) {
    return Diagnostic.error(at.file(), at.path(), at.position(), message);
  }
}
