package dev.musket.engine.train.lrfinder;

/**
 * Follows an LR range test batch by batch, on the thread that trains. Implementations return
 * quickly (copy the point and hand it over); the workbench queues points and drains them at about
 * 10 Hz.
 */
@FunctionalInterface
public interface LrFinderListener {

  LrFinderListener NONE = point -> {};

  /** The sweep begins and will run at most {@code plannedBatches} batches. */
  default void onStart(int plannedBatches) {}

  /** A batch was trained. */
  void onPoint(LrFinderPoint point);
}
