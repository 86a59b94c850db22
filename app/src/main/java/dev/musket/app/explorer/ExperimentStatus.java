package dev.musket.app.explorer;

import java.util.Locale;

/** What the explorer shows beside an experiment, from its folder's files and the running set. */
public enum ExperimentStatus {
  /** No summary.yaml: never trained (or its outputs were removed). */
  NEW,
  /** Being trained by this workbench now. */
  RUNNING,
  /**
   * inProgress.yaml without this workbench training it: another process is training it, or a run
   * was killed (then {@code musket fit --allow_resume} continues it).
   */
  INTERRUPTED,
  /** summary.yaml with results (the score is shown when the metric is found). */
  COMPLETED,
  /** summary.yaml says Error; error.yaml has the traces. */
  FAILED,
  /** summary.yaml says Cancelled. */
  CANCELLED;

  /** Lower-case label, and the suffix of the explorer's {@code status-*} style class. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String styleClass() {
    return "status-" + label();
  }
}
