package dev.musket.engine.train.metric;

/**
 * Makes a fresh metric for one output head. Project code registers these under its own names.
 *
 * <p>{@code name} is the name as the config wrote it, which the metric reports as its {@link
 * Metric#name()}.
 */
@FunctionalInterface
public interface MetricFactory {
  Metric create(String name, MetricContext context);
}
