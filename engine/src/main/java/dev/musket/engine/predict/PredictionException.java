package dev.musket.engine.predict;

/**
 * A prediction or evaluation that cannot run: the message names the experiment and says what to do
 * (train it first, pick an existing dataset or fold, ...).
 */
public final class PredictionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PredictionException(String message) {
    super(message);
  }

  public PredictionException(String message, Throwable cause) {
    super(message, cause);
  }
}
