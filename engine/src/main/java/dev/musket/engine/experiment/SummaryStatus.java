package dev.musket.engine.experiment;

/**
 * What a {@code summary.yaml} says about its experiment. Musket used the one file for all outcomes:
 * the summary of a completed run, the string {@code Error} after a failure, {@code Cancelled} (or
 * {@code {canceled: true}} when cancelled while reporting), and for a {@code num_seeds} parent the
 * spread of its children's scores.
 */
public sealed interface SummaryStatus {

  record Completed(ExperimentSummary summary) implements SummaryStatus {}

  record Failed() implements SummaryStatus {}

  record Cancelled() implements SummaryStatus {}

  /** A {@code num_seeds} parent: the spread of its children's scores. */
  record SeedsAggregate(MetricStats scores) implements SummaryStatus {}

  /** Content this engine does not recognise; shown as it is. */
  record Unknown(String text) implements SummaryStatus {}
}
