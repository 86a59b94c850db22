package dev.musket.engine.train.callbacks;

/**
 * Lets a callback keep a copy of the model's weights in memory and put it back later, which is what
 * Keras' {@code EarlyStopping(restore_best_weights=True)} does with {@code get_weights()} and
 * {@code set_weights()}. The trainer implements it (a {@code dup()} of the parameter array), so
 * callbacks stay free of DL4J.
 */
public interface ModelWeights {

  /** A copy of the weights as they are now. */
  Snapshot snapshot();

  /** A kept copy of the weights. */
  interface Snapshot {
    /** Puts these weights back into the model. */
    void restore();
  }

  /** For runs without a model (tests, dry runs): snapshots that restore nothing. */
  ModelWeights NONE = () -> () -> {};
}
