package dev.musket.engine.config.validate;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names that project code may define (in {@code <project>/modules/}), and whether a config is being
 * validated inside a project at all.
 *
 * <p>Inside a project, a name that neither the engine nor the project defines is an error. A config
 * validated on its own (no project around it) cannot know the project's names, so the same name is
 * only a warning that says it must come from project code.
 */
public final class ProjectNames {

  /** The kinds of name project code can add. */
  public enum Kind {
    DATASET_FACTORY("dataset factory"),
    ARCHITECTURE("architecture"),
    LOSS("loss"),
    METRIC("metric"),
    CALLBACK("callback");

    private final String noun;

    Kind(String noun) {
      this.noun = noun;
    }

    public String noun() {
      return noun;
    }
  }

  private final Path project;
  private final Map<Kind, Set<String>> names;
  private final Map<Kind, Set<String>> lowered;

  private ProjectNames(Path project, Map<Kind, Set<String>> names, Map<Kind, Set<String>> lowered) {
    this.project = project;
    this.names = names;
    this.lowered = lowered;
  }

  /** For a config validated with no project folder around it. */
  public static ProjectNames standalone() {
    return new ProjectNames(null, new EnumMap<>(Kind.class), new EnumMap<>(Kind.class));
  }

  /** For a config inside {@code project}, whose code defines {@code names}. */
  public static ProjectNames of(Path project, Map<Kind, Set<String>> names) {
    Map<Kind, Set<String>> lowered = new EnumMap<>(Kind.class);
    names.forEach(
        (kind, set) ->
            lowered.put(
                kind,
                set.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet())));
    Map<Kind, Set<String>> copy = new EnumMap<>(Kind.class);
    names.forEach((kind, set) -> copy.put(kind, new java.util.TreeSet<>(set)));
    return new ProjectNames(project, copy, lowered);
  }

  public boolean inProject() {
    return project != null;
  }

  public Path project() {
    return project;
  }

  public boolean defines(Kind kind, String name) {
    return lowered.getOrDefault(kind, Set.of()).contains(name.toLowerCase(Locale.ROOT));
  }

  /** The names of {@code kind} the project defines, as written, sorted. */
  public Set<String> names(Kind kind) {
    return kind == null ? Set.of() : names.getOrDefault(kind, Set.of());
  }
}
