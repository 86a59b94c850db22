package dev.musket.app.state;

import dev.musket.engine.experiment.SummaryStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * The state of an experiment as the workbench shows it, in the explorer and in the experiments
 * table alike. Musket keeps it in files ({@code summary.yaml} present = finished, with {@code
 * Error} or {@code Cancelled} for the bad endings; {@code inProgress.yaml} while a fit runs); a fit
 * started by this workbench counts as running from the moment it is in {@link
 * WorkbenchState#runningExperiments()}, before it has written anything.
 */
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
  /** summary.yaml with results. */
  COMPLETED,
  /** summary.yaml says Error; error.yaml has the traces. */
  FAILED,
  /** summary.yaml says Cancelled. */
  CANCELLED;

  /** How the workbench writes it: lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The style class of a status label or cell, e.g. {@code status-failed}. */
  public String styleClass() {
    return "status-" + label();
  }

  /**
   * The status from what is on disk and whether this workbench is training it now. A running fit
   * wins over an old summary, since a fresh fit deletes that summary anyway.
   */
  public static ExperimentStatus of(
      Optional<SummaryStatus> summary, boolean inProgressFile, boolean runningHere) {
    if (runningHere) {
      return RUNNING;
    }
    if (summary.isPresent()) {
      SummaryStatus s = summary.get();
      if (s instanceof SummaryStatus.Failed) {
        return FAILED;
      }
      // Musket's rule: a summary means done, whatever else it says
      return s instanceof SummaryStatus.Cancelled ? CANCELLED : COMPLETED;
    }
    return inProgressFile ? INTERRUPTED : NEW;
  }
}
