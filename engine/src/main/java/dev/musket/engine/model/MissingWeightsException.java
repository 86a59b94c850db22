package dev.musket.engine.model;

/**
 * Pretrained weights that cannot be used: the file is absent (the message says which file to put
 * where) or does not match the architecture.
 */
public class MissingWeightsException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public MissingWeightsException(String message) {
    super(message);
  }

  public MissingWeightsException(String message, Throwable cause) {
    super(message, cause);
  }
}
