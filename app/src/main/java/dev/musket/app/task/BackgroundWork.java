package dev.musket.app.task;

/**
 * Work that runs off the FX thread. It receives its {@link TaskContext} to report progress and to
 * notice cancellation; it must not touch JavaFX nodes or properties (the executor delivers its
 * result to the FX thread).
 */
@FunctionalInterface
public interface BackgroundWork<T> {
  T run(TaskContext context) throws Exception;
}
