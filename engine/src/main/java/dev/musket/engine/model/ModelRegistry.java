package dev.musket.engine.model;

import dev.musket.engine.model.arch.BuiltInArchitectures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Architecture names to builders, matched case-insensitively as Musket does ({@code resnet50},
 * {@code ResNet50} and {@code RESNET50} are one architecture).
 *
 * <p>Why an instance and not a static map: a project's custom architectures are registered into the
 * registry of that project's run ({@link #register}), so two projects open in the workbench never
 * see each other's names. {@link #standard()} gives a fresh registry holding every built-in
 * architecture.
 */
public final class ModelRegistry {

  private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

  private final Map<String, Entry> byKey = new LinkedHashMap<>();

  private record Entry(String name, ModelBuilder builder) {}

  /** An empty registry. */
  public ModelRegistry() {}

  /** A new registry with every built-in architecture. */
  public static ModelRegistry standard() {
    ModelRegistry registry = new ModelRegistry();
    BuiltInArchitectures.all().forEach(registry::register);
    return registry;
  }

  /**
   * Registers (or replaces) the builder of an architecture name; the spelling given is the one
   * shown in listings. This is what a project's custom architectures call.
   */
  public ModelRegistry register(String name, ModelBuilder builder) {
    Objects.requireNonNull(builder, "builder");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an architecture needs a name");
    }
    Entry previous = byKey.put(key(name), new Entry(name.trim(), builder));
    if (previous != null) {
      log.info("architecture {} now built by {}", name, builder.getClass().getName());
    }
    return this;
  }

  /** Whether a builder is registered under this name (any case). */
  public boolean contains(String name) {
    return name != null && byKey.containsKey(key(name));
  }

  /** The builder of an architecture; an unknown name lists the known ones. */
  public ModelBuilder builder(String name) {
    Entry entry = name == null ? null : byKey.get(key(name));
    if (entry == null) {
      throw new UnknownArchitectureException(String.valueOf(name), names(), suggest(name));
    }
    return entry.builder();
  }

  /** The registered spelling of a name given in any case. */
  public String canonicalName(String name) {
    builder(name);
    return byKey.get(key(name)).name();
  }

  /** Every registered name, in registration order. */
  public List<String> names() {
    return byKey.values().stream().map(Entry::name).toList();
  }

  private Optional<String> suggest(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = key(name);
    List<Entry> entries = new ArrayList<>(byKey.values());
    return entries.stream()
        .min(Comparator.comparingInt(e -> editDistance(wanted, key(e.name()))))
        .filter(e -> editDistance(wanted, key(e.name())) <= Math.max(2, wanted.length() / 3))
        .map(Entry::name);
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
