package dev.musket.engine.train;

import dev.musket.engine.runtime.GpuRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@code musket fit} runs an experiment.
 *
 * @param allowResume continue an interrupted run from its last completed epoch
 * @param onlyReport train nothing; rebuild {@code summary.yaml} from the saved best weights
 * @param folds the folds to train, or empty for all
 * @param timeLimit stop at the first epoch end after this long (no summary), or {@code null}
 * @param loaderThreads threads decoding and augmenting images
 * @param gpus {@code --num_gpus}/{@code --gpus_per_net} as given ({@link GpuRequest#NONE} when
 *     neither was): applied on CUDA, reported as ignored on the CPU
 */
public record FitOptions(
    boolean allowResume,
    boolean onlyReport,
    List<Integer> folds,
    Duration timeLimit,
    int loaderThreads,
    GpuRequest gpus) {

  public FitOptions {
    folds = List.copyOf(folds);
    if (loaderThreads < 1) {
      throw new IllegalArgumentException("loaderThreads must be at least 1, got " + loaderThreads);
    }
    gpus = Objects.requireNonNullElse(gpus, GpuRequest.NONE);
  }

  /** Options with no GPU flags. */
  public FitOptions(
      boolean allowResume,
      boolean onlyReport,
      List<Integer> folds,
      Duration timeLimit,
      int loaderThreads) {
    this(allowResume, onlyReport, folds, timeLimit, loaderThreads, GpuRequest.NONE);
  }

  /** Everything from scratch, all folds, no limit, one loader thread per core, no GPU flags. */
  public static FitOptions defaults() {
    return new FitOptions(
        false, false, List.of(), null, Runtime.getRuntime().availableProcessors());
  }

  public FitOptions withAllowResume(boolean resume) {
    return new FitOptions(resume, onlyReport, folds, timeLimit, loaderThreads, gpus);
  }

  public FitOptions withGpus(GpuRequest request) {
    return new FitOptions(allowResume, onlyReport, folds, timeLimit, loaderThreads, request);
  }
}
