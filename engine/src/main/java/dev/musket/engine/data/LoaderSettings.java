package dev.musket.engine.data;

/**
 * How a {@link AugmentedBatchIterator} loads: batch size, worker threads, how many batches may be
 * prepared ahead, whether this is training (augmentation on, order shuffled per epoch) and the seed
 * of both.
 */
public record LoaderSettings(
    int batchSize, int threads, int prefetchBatches, boolean training, long seed) {
  public LoaderSettings {
    if (batchSize < 1 || threads < 1 || prefetchBatches < 1) {
      throw new IllegalArgumentException(
          "batchSize, threads and prefetchBatches must be positive, got "
              + batchSize
              + ", "
              + threads
              + ", "
              + prefetchBatches);
    }
  }

  /** Training: one thread per core, two batches ahead. */
  public static LoaderSettings training(int batchSize, long seed) {
    return new LoaderSettings(batchSize, Runtime.getRuntime().availableProcessors(), 2, true, seed);
  }

  /** Validation / prediction: no augmentation, dataset order. */
  public static LoaderSettings inference(int batchSize) {
    return new LoaderSettings(batchSize, Runtime.getRuntime().availableProcessors(), 2, false, 0);
  }
}
