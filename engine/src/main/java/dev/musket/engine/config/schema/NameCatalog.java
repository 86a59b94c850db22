package dev.musket.engine.config.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Entries looked up by name or alias, ignoring case (Musket looks up architectures, augmenters,
 * losses... case-insensitively), with "did you mean" suggestions for names it does not know.
 */
public final class NameCatalog<T extends Named> {

  private final Map<String, T> byKey = new LinkedHashMap<>();
  private final List<T> entries;

  public NameCatalog(Collection<T> entries) {
    this.entries = List.copyOf(entries);
    for (T e : this.entries) {
      byKey.put(key(e.name()), e);
      for (String alias : e.aliases()) {
        byKey.putIfAbsent(key(alias), e);
      }
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public Optional<T> find(String name) {
    return Optional.ofNullable(byKey.get(key(name)));
  }

  public boolean contains(String name) {
    return byKey.containsKey(key(name));
  }

  /** Entries in schema order. */
  public List<T> entries() {
    return entries;
  }

  /** Canonical names in schema order. */
  public List<String> names() {
    List<String> names = new ArrayList<>(entries.size());
    entries.forEach(e -> names.add(e.name()));
    return names;
  }

  /** The known name closest to {@code name}, if any is close enough to be a likely typo. */
  public Optional<String> suggest(String name) {
    List<String> candidates = new ArrayList<>(names());
    for (T e : entries) {
      candidates.addAll(e.aliases());
    }
    return Suggestions.closest(name, candidates);
  }
}
