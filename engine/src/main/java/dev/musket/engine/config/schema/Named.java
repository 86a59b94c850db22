package dev.musket.engine.config.schema;

import java.util.List;

/** Anything looked up by a case-insensitive name or alias in a {@link NameCatalog}. */
public interface Named {
  String name();

  List<String> aliases();

  String doc();
}
