package dev.musket.engine.experiment;

import dev.musket.engine.train.callbacks.StageContext;
import dev.musket.engine.train.callbacks.TrainingCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The metrics log Musket always adds to a stage ({@code metrics/metrics-<fold>.<stage>.csv}): a
 * fresh file for a stage trained from its first epoch, the old file continued for a resumed one
 * (Keras' {@code CSVLogger(append=True)}), with rows of epochs that will run again dropped.
 *
 * <p>Add it last, after the config's callbacks, so a row is written once they have all seen the
 * epoch (Keras called the logger last for the same reason).
 */
public final class MetricsCsvLogger implements TrainingCallback {

  private final ExperimentFolder folder;
  private MetricsCsvWriter writer;

  public MetricsCsvLogger(ExperimentFolder folder) {
    this.folder = folder;
  }

  @Override
  public String name() {
    return "CSVLogger";
  }

  @Override
  public void onStageStart(StageContext context) {
    var file = folder.metricsCsv(context.fold(), context.stage());
    try {
      writer =
          context.initialEpoch() > 0
              ? MetricsCsvWriter.append(file, context.initialEpoch())
              : MetricsCsvWriter.create(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the metrics log " + file, e);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> metrics) {
    try {
      writer.writeRow(epoch, metrics);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the metrics log " + writer.file(), e);
    }
  }
}
