package dev.musket.engine.augment;

import dev.musket.engine.config.validate.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The result of building an augmenter tree: the tree when the config had no errors, and every
 * diagnostic found (warnings may accompany a usable tree).
 */
public record AugmenterBuild(Optional<Augmenter> augmenter, List<Diagnostic> diagnostics) {
  public AugmenterBuild {
    diagnostics = diagnostics.stream().sorted(Diagnostic.IN_FILE_ORDER).toList();
  }

  static AugmenterBuild of(Augmenter tree, List<Diagnostic> problems) {
    boolean failed = problems.stream().anyMatch(Diagnostic::isError);
    return new AugmenterBuild(failed ? Optional.empty() : Optional.of(tree), problems);
  }

  public boolean ok() {
    return augmenter.isPresent();
  }

  /** The tree; throws with every message when building failed. */
  public Augmenter orThrow() {
    return augmenter.orElseThrow(
        () ->
            new IllegalArgumentException(
                "augmentation has errors:\n"
                    + String.join("\n", diagnostics.stream().map(Diagnostic::format).toList())));
  }
}
