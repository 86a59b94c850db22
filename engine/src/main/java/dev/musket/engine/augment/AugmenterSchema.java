package dev.musket.engine.augment;

import dev.musket.engine.config.ConfigNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The augmenter part of the config schema ({@code config/schema/augmenters.yaml}): names, aliases,
 * positional order, parameter types and imgaug's defaults.
 *
 * <p>Why read the file rather than repeat it in code: the schema is the single source of truth, so
 * the defaults the builders use are exactly the ones the editor shows and validation checks.
 */
public final class AugmenterSchema {
  static final String RESOURCE = "/dev/musket/engine/config/schema/augmenters.yaml";

  /** One parameter: its type name (see the schema README), default node and nullability. */
  public record ParamSpec(String name, String type, ConfigNode defaultValue, boolean nullable) {
    public boolean takesAugmenters() {
      return type.equals("augmenters");
    }

    public boolean takesRange() {
      return type.equals("range")
          || type.equals("intRange")
          || type.equals("choice")
          || type.equals("xy");
    }
  }

  /** One augmenter's declaration. */
  public record Entry(
      String name, List<String> aliases, List<String> positional, Map<String, ParamSpec> params) {
    public Optional<ParamSpec> param(String param) {
      return Optional.ofNullable(params.get(param));
    }
  }

  private static final AugmenterSchema BUILT_IN = load();

  private final Map<String, Entry> byName;
  private final Map<String, Entry> byLowerName;

  private AugmenterSchema(Map<String, Entry> byName) {
    this.byName = Collections.unmodifiableMap(byName);
    Map<String, Entry> lower = new LinkedHashMap<>();
    for (Entry e : byName.values()) {
      lower.put(e.name().toLowerCase(Locale.ROOT), e);
      for (String alias : e.aliases()) {
        lower.put(alias.toLowerCase(Locale.ROOT), e);
      }
    }
    this.byLowerName = lower;
  }

  public static AugmenterSchema builtIn() {
    return BUILT_IN;
  }

  /** Looks a name up as Musket does: case-insensitively, aliases included. */
  public Optional<Entry> find(String name) {
    return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT)));
  }

  public Map<String, Entry> entries() {
    return byName;
  }

  private static AugmenterSchema load() {
    try (InputStream in = AugmenterSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parse(YamlTrees.parse(text, Path.of("augmenters.yaml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AugmenterSchema parse(ConfigNode root) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (ConfigNode.Entry e : ((ConfigNode.Mapping) root).entries()) {
      ConfigNode.Mapping body = (ConfigNode.Mapping) e.value();
      Map<String, ParamSpec> params = new LinkedHashMap<>();
      body.get("params")
          .ifPresent(
              p -> {
                for (ConfigNode.Entry pe : ((ConfigNode.Mapping) p).entries()) {
                  ConfigNode.Mapping ps = (ConfigNode.Mapping) pe.value();
                  String type = text(ps.get("type").orElseThrow());
                  boolean nullable =
                      ps.get("nullable")
                          .map(n -> Boolean.TRUE.equals(((ConfigNode.Scalar) n).value()))
                          .orElse(false);
                  params.put(
                      pe.key(),
                      new ParamSpec(pe.key(), type, ps.get("default").orElse(null), nullable));
                }
              });
      entries.put(
          e.key(),
          new Entry(
              e.key(), strings(body.get("aliases")), strings(body.get("positional")), params));
    }
    return new AugmenterSchema(entries);
  }

  private static String text(ConfigNode node) {
    return ((ConfigNode.Scalar) node).asText();
  }

  private static List<String> strings(Optional<ConfigNode> node) {
    List<String> out = new ArrayList<>();
    node.ifPresent(
        n -> {
          for (ConfigNode item : ((ConfigNode.Sequence) n).items()) {
            out.add(text(item));
          }
        });
    return List.copyOf(out);
  }
}
