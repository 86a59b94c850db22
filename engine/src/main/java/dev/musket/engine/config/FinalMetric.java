package dev.musket.engine.config;

/**
 * One entry of {@code final_metrics}: a metric computed after training on the stored predictions of
 * each fold's validation set and of the holdout, summarised in {@code summary.yaml} like the other
 * metrics. Written as a name, or as {@code name: {for_validation: true}}.
 *
 * @param forValidation also compute it on the validation set at the end of every epoch and log it
 *     as {@code val_<name>}, as Musket does for a final metric that is the primary metric
 */
public record FinalMetric(String name, boolean forValidation) {}
