package dev.musket.engine.train.callbacks;

import dev.musket.engine.events.TrainingEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A tiny stand-in for the trainer: a learning rate, a weights counter and an event list. */
final class CallbackTesting {

  final LearningRateControl.Holder lr;
  final List<TrainingEvent> events = new ArrayList<>();
  int weightsVersion;
  int restoredVersion = -1;
  final List<Path> saved = new ArrayList<>();

  CallbackTesting(double lr) {
    this.lr = new LearningRateControl.Holder(lr);
  }

  StageContext context(int stepsPerEpoch) {
    ModelWeights weights =
        new ModelWeights() {
          @Override
          public Snapshot snapshot() {
            int kept = weightsVersion;
            return () -> restoredVersion = kept;
          }

          @Override
          public void save(Path file) {
            saved.add(file);
          }
        };
    return new StageContext("exp", 1, 0, 100, stepsPerEpoch, 0, lr, weights, events::add);
  }

  static Map<String, Double> row(String key, double value) {
    return Map.of(key, value);
  }

  /**
   * Runs {@code cb} over epochs with the given monitored values, one batch per epoch; returns the
   * epoch after which it asked to stop, or -1.
   */
  int runEpochs(TrainingCallback cb, String monitor, double... values) {
    cb.onStageStart(context(1));
    for (int epoch = 0; epoch < values.length; epoch++) {
      weightsVersion = epoch;
      cb.onEpochStart(epoch);
      cb.onEpochEnd(epoch, row(monitor, values[epoch]));
      if (cb.shouldStop()) {
        return epoch;
      }
    }
    return -1;
  }
}
