package dev.musket.engine.experiment;

import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.train.callbacks.CallbackArgs;
import dev.musket.engine.train.callbacks.StageContext;
import dev.musket.engine.train.callbacks.TrainingCallback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@code CSVLogger} written in the config, beside the metrics log Musket always keeps: Keras'
 * {@code CSVLogger(filename, separator, append)}, with the file name relative to the experiment
 * folder. Register it with {@code CallbackFactory} through {@link #builder(ExperimentFolder)}.
 */
public final class ConfiguredCsvLogger implements TrainingCallback {

  private final Path file;
  private final String separator;
  private final boolean append;
  private MetricsCsvWriter writer;

  public ConfiguredCsvLogger(Path file, String separator, boolean append) {
    this.file = file;
    this.separator = separator;
    this.append = append;
  }

  /** Builds it from a config entry, for {@code CallbackFactory}'s extra builders. */
  public static Function<ComponentSpec, TrainingCallback> builder(ExperimentFolder folder) {
    return spec -> {
      CallbackArgs a = CallbackArgs.of(spec);
      String filename = a.text("filename");
      if (filename == null || filename.isBlank()) {
        throw new IllegalArgumentException("CSVLogger needs its parameter 'filename'");
      }
      return new ConfiguredCsvLogger(
          folder.dir().resolve(filename), a.text("separator"), a.bool("append"));
    };
  }

  /** The extra builders the experiment package provides, by callback name. */
  public static Map<String, Function<ComponentSpec, TrainingCallback>> builders(
      ExperimentFolder folder) {
    return Map.of("CSVLogger", builder(folder));
  }

  @Override
  public String name() {
    return "CSVLogger";
  }

  @Override
  public void onStageStart(StageContext context) {
    try {
      writer = MetricsCsvWriter.keras(file, separator, append);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the CSV log " + file, e);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> metrics) {
    try {
      writer.writeRow(epoch, metrics);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the CSV log " + file, e);
    }
  }
}
