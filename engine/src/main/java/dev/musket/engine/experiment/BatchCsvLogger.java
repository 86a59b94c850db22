package dev.musket.engine.experiment;

import dev.musket.engine.train.callbacks.LearningRateControl;
import dev.musket.engine.train.callbacks.StageContext;
import dev.musket.engine.train.callbacks.TrainingCallback;
import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The per-batch log of a stage with {@code logAll: true}, {@code
 * metrics/metrics-<fold>.<stage>.csvall.csv}: one row {@code epoch,batch,loss,lr} per training
 * batch.
 *
 * <p>Musket's {@code AllLogger} wrote Keras' batch logs with a broken header (an empty line per
 * batch); this keeps the file's name and purpose with a plain CSV. Rows are kept in memory and the
 * file is replaced atomically at each epoch end: a kill loses only the epoch that will run again,
 * and rewriting per epoch, not per batch, keeps the cost linear in practice.
 */
public final class BatchCsvLogger implements TrainingCallback {

  static final String HEADER = "epoch,batch,loss,lr\n";

  private final ExperimentFolder folder;
  private Path file;
  private LearningRateControl lr;
  private StringBuilder content;
  private int epoch;
  private double batchLr;

  public BatchCsvLogger(ExperimentFolder folder) {
    this.folder = folder;
  }

  @Override
  public String name() {
    return "AllLogger";
  }

  @Override
  public void onStageStart(StageContext context) {
    file = folder.metricsAllCsv(context.fold(), context.stage());
    lr = context.learningRate();
    content = new StringBuilder(HEADER);
    try {
      if (context.initialEpoch() > 0 && Files.exists(file)) {
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
          Integer e = MetricsTable.epochOf(line);
          if (e != null && e < context.initialEpoch()) {
            content.append(line).append('\n');
          }
        }
      }
      AtomicFiles.writeString(file, content.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the batch log " + file, e);
    }
  }

  @Override
  public void onEpochStart(int epoch) {
    this.epoch = epoch;
  }

  @Override
  public void onBatchStart(int batch) {
    batchLr = lr.learningRate();
  }

  @Override
  public void onBatchEnd(int batch, double loss) {
    content
        .append(epoch)
        .append(',')
        .append(batch)
        .append(',')
        .append(PythonFloats.repr(loss))
        .append(',')
        .append(PythonFloats.repr(batchLr))
        .append('\n');
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> metrics) {
    try {
      AtomicFiles.writeString(file, content.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the batch log " + file, e);
    }
  }
}
