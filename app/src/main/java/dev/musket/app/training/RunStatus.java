package dev.musket.app.training;

/** Where one queued training run stands, as the queue and the explorer show it. */
public enum RunStatus {
  QUEUED("queued"),
  RUNNING("running"),
  COMPLETED("completed"),
  /** The launch's time limit ran out; the experiment can be resumed. */
  TIME_UP("time limit reached"),
  FAILED("failed"),
  CANCELLED("cancelled");

  private final String label;

  RunStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the run has ended (it will not change again). */
  public boolean isFinal() {
    return this != QUEUED && this != RUNNING;
  }
}
