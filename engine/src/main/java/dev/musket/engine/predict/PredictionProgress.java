package dev.musket.engine.predict;

/**
 * Told after every predicted batch, on the predicting thread: {@code done} of {@code total} batches
 * over all members (views of a batch count once). Implementations copy the two numbers and return;
 * the desktop app coalesces them before they reach its UI thread.
 */
@FunctionalInterface
public interface PredictionProgress {

  PredictionProgress NONE = (done, total) -> {};

  void batchDone(int done, int total);
}
