package dev.musket.app.task;

/** What a running {@link BackgroundWork} sees of its task: cancellation and progress reporting. */
public interface TaskContext {

  /** True once someone cancelled the task; long work checks it between steps and returns early. */
  boolean isCancelled();

  /**
   * Reports progress as a fraction in [0, 1] (or -1 for "unknown") with a short message; the status
   * bar shows it. Cheap to call often: the executor coalesces updates.
   */
  void progress(double fraction, String message);
}
