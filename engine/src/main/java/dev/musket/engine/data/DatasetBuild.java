package dev.musket.engine.data;

import dev.musket.engine.config.validate.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * A created dataset (absent on errors), the diagnostics found, and the bad images dropped because
 * of {@code skip_bad_images: true} (for the run summary).
 *
 * @param skipped the dropped images when the source was screened ({@code skip_bad_images: true}),
 *     empty when it was not
 */
public record DatasetBuild(
    Optional<DataSet> dataSet, List<Diagnostic> diagnostics, Optional<List<SkippedImage>> skipped) {
  public DatasetBuild {
    diagnostics = List.copyOf(diagnostics);
    skipped = skipped.map(List::copyOf);
  }

  /** A dataset (or none) whose images were not screened. */
  public DatasetBuild(Optional<DataSet> dataSet, List<Diagnostic> diagnostics) {
    this(dataSet, diagnostics, Optional.empty());
  }

  /** How many bad images were dropped (0 when the source was not screened). */
  public int skippedImages() {
    return skipped.map(List::size).orElse(0);
  }
}
