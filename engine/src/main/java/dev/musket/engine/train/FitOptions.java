package dev.musket.engine.train;

import java.time.Duration;
import java.util.List;

/**
 * How {@code musket fit} runs an experiment.
 *
 * @param allowResume continue an interrupted run from its last completed epoch
 * @param onlyReport train nothing; rebuild {@code summary.yaml} from the saved best weights
 * @param folds the folds to train, or empty for all
 * @param timeLimit stop at the first epoch end after this long (no summary), or {@code null}
 * @param loaderThreads threads decoding and augmenting images
 */
public record FitOptions(
    boolean allowResume,
    boolean onlyReport,
    List<Integer> folds,
    Duration timeLimit,
    int loaderThreads) {

  public FitOptions {
    folds = List.copyOf(folds);
    if (loaderThreads < 1) {
      throw new IllegalArgumentException("loaderThreads must be at least 1, got " + loaderThreads);
    }
  }

  /** Everything from scratch, all folds, no limit, one loader thread per core. */
  public static FitOptions defaults() {
    return new FitOptions(
        false, false, List.of(), null, Runtime.getRuntime().availableProcessors());
  }

  public FitOptions withAllowResume(boolean resume) {
    return new FitOptions(resume, onlyReport, folds, timeLimit, loaderThreads);
  }
}
