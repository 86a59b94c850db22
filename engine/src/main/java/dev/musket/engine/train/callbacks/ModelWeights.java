package dev.musket.engine.train.callbacks;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The model's weights as callbacks may handle them: keep an in-memory copy and put it back later
 * (Keras' {@code EarlyStopping(restore_best_weights=True)} with {@code get_weights()}/{@code
 * set_weights()}), or save them to a file ({@code ModelCheckpoint}). The trainer implements it (a
 * {@code dup()} of the parameter array, its own weights format), so callbacks stay free of DL4J.
 */
public interface ModelWeights {

  /** A copy of the weights as they are now. */
  Snapshot snapshot();

  /** Writes the current weights to {@code file} (atomically), creating its folder. */
  void save(Path file) throws IOException;

  /** A kept copy of the weights. */
  interface Snapshot {
    /** Puts these weights back into the model. */
    void restore();
  }

  /** For runs without a model (tests, dry runs): snapshots restore nothing, saves write nothing. */
  ModelWeights NONE =
      new ModelWeights() {
        @Override
        public Snapshot snapshot() {
          return () -> {};
        }

        @Override
        public void save(Path file) {}
      };
}
