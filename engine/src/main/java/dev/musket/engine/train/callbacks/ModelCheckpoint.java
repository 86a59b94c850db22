package dev.musket.engine.train.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checkpoint the config asks for beside Musket's automatic best weights: Keras 2.2.4's {@code
 * ModelCheckpoint} with {@code period=1}, saving weights.
 *
 * <p>After every epoch the file name template is filled ({@code {epoch}} from 1, metrics by name)
 * and resolved against the experiment folder; with {@code save_best_only} only epochs strictly
 * better than the best so far are saved ({@code auto}: maximise names containing {@code acc} or
 * starting with {@code fmeasure}); a missing monitor is warned about and skipped.
 */
public final class ModelCheckpoint implements TrainingCallback {

  private static final Logger LOG = LoggerFactory.getLogger(ModelCheckpoint.class);

  private final String filepath;
  private final Path baseDir;
  private final String monitor;
  private final boolean saveBestOnly;
  private final MonitorMode mode;

  private ModelWeights weights = ModelWeights.NONE;
  private double best;

  public ModelCheckpoint(
      String filepath, Path baseDir, String monitor, boolean saveBestOnly, String mode) {
    if (filepath == null || filepath.isBlank()) {
      throw new IllegalArgumentException("ModelCheckpoint needs its parameter 'filepath'");
    }
    this.filepath = filepath;
    this.baseDir = baseDir;
    this.monitor = monitor;
    this.saveBestOnly = saveBestOnly;
    this.mode = MonitorMode.resolveForCheckpoint(mode, monitor);
    this.best = this.mode.worst();
  }

  @Override
  public void onStageStart(StageContext context) {
    weights = context.weights();
    best = mode.worst();
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> metrics) {
    Map<String, Number> values = new LinkedHashMap<>(metrics);
    values.put("epoch", epoch + 1);
    Path file = baseDir.resolve(PythonFormat.format(filepath, values));
    if (saveBestOnly) {
      Double current = metrics.get(monitor);
      if (current == null) {
        LOG.warn("Can save best model only with {} available, skipping.", monitor);
        return;
      }
      boolean better = mode == MonitorMode.MAX ? current > best : current < best;
      if (!better) {
        return;
      }
      LOG.info(
          "Epoch {}: {} improved from {} to {}, saving to {}",
          epoch + 1,
          monitor,
          best,
          current,
          file);
      best = current;
    }
    try {
      weights.save(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the checkpoint " + file, e);
    }
  }

  @Override
  public Map<String, Object> state() {
    return Map.of("best", best);
  }

  @Override
  public void restoreState(Map<String, Object> state) {
    best = StateMaps.number(state, "best", best);
  }
}
