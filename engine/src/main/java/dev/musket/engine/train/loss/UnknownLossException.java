package dev.musket.engine.train.loss;

import java.util.Collection;

/**
 * A loss name that neither the built-ins nor project code define. The config validator normally
 * catches this first; the trainer still gets a message that lists what is known.
 */
public final class UnknownLossException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public UnknownLossException(String name, Collection<String> known) {
    super("unknown loss '" + name + "'; known losses: " + String.join(", ", known));
  }
}
