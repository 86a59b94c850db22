package dev.musket.engine.model;

import java.util.List;
import java.util.Optional;

/**
 * Thrown when an architecture name has no builder. The message lists the known names and, when one
 * is close, suggests it, so a typo in a config or on the command line is fixed at once.
 */
public class UnknownArchitectureException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final transient Optional<String> suggestion;

  public UnknownArchitectureException(
      String name, List<String> known, Optional<String> suggestion) {
    super(
        "unknown architecture '"
            + name
            + "'"
            + suggestion.map(s -> " (did you mean " + s + "?)").orElse("")
            + "; known: "
            + String.join(", ", known));
    this.name = name;
    this.suggestion = suggestion;
  }

  public String name() {
    return name;
  }

  public Optional<String> suggestion() {
    return suggestion;
  }
}
