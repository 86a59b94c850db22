package dev.musket.engine.data;

import dev.musket.engine.config.validate.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * A created dataset (absent on errors), the diagnostics found, and how many bad images were skipped
 * (for the run summary).
 */
public record DatasetBuild(
    Optional<DataSet> dataSet, List<Diagnostic> diagnostics, int skippedImages) {
  public DatasetBuild {
    diagnostics = List.copyOf(diagnostics);
  }
}
