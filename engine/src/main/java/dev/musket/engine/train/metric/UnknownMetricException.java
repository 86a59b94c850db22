package dev.musket.engine.train.metric;

import java.util.Collection;

/** A metric name that neither the built-ins, the losses nor project code define. */
public final class UnknownMetricException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public UnknownMetricException(String name, Collection<String> known) {
    super("unknown metric '" + name + "'; known metrics: " + String.join(", ", known));
  }
}
