package dev.musket.engine.events;

/**
 * Receives the engine's {@link TrainingEvent}s on the training thread.
 *
 * <p>One method rather than one per kind: a listener {@code switch}es over the sealed hierarchy and
 * ignores what it does not need. Implementations must return quickly (copy and hand over, as {@link
 * MetricsBuffer} does); anything slow belongs on the listener's own thread.
 */
@FunctionalInterface
public interface TrainingListener {

  /** A listener that ignores everything. */
  TrainingListener NONE = event -> {};

  void onEvent(TrainingEvent event);
}
