package dev.musket.app.experiments;

import dev.musket.engine.experiment.SummaryStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * The state of an experiment as the table shows it. Musket keeps it in files ({@code summary.yaml}
 * present = finished, with {@code Error} or {@code Cancelled} for the bad endings; {@code
 * inProgress.yaml} while a fit runs); a fit started by this workbench counts as running from the
 * moment it is in {@code WorkbenchState.runningExperiments()}, before it has written anything.
 */
public enum ExperimentStatus {
  NEW,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED;

  /** How the table writes it: lower case, as the explorer does. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The style class of a status cell, e.g. {@code status-failed}. */
  public String styleClass() {
    return "status-" + label();
  }

  /**
   * The status from what is on disk and whether this workbench is training it now. A running fit
   * wins over an old summary, since a fresh fit deletes that summary anyway.
   */
  static ExperimentStatus of(
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
    // a fit in another process (./musket fit) marks its folder; so does one that was killed, which
    // Musket showed as running too
    return inProgressFile ? RUNNING : NEW;
  }
}
