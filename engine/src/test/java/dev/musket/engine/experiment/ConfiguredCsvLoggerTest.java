package dev.musket.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.schema.Schema;
import dev.musket.engine.events.TrainingListener;
import dev.musket.engine.train.callbacks.CallbackFactory;
import dev.musket.engine.train.callbacks.LearningRateControl;
import dev.musket.engine.train.callbacks.ModelWeights;
import dev.musket.engine.train.callbacks.StageContext;
import dev.musket.engine.train.callbacks.TrainingCallback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfiguredCsvLoggerTest {

  @TempDir Path dir;

  private static final String CONFIG =
      """
      #%Musket Classification 1.0
      architecture: ResNet18
      classes: 1
      activation: sigmoid
      shape: [32, 32, 3]
      optimizer: Adam
      loss: binary_crossentropy
      metrics: [binary_accuracy]
      primary_metric: val_binary_accuracy
      callbacks:
        CSVLogger: {filename: extra/log.csv, separator: ";", append: true}
      stages:
        - epochs: 2
      """;

  private static StageContext context() {
    return new StageContext(
        "e",
        0,
        0,
        2,
        1,
        0,
        new LearningRateControl.Holder(0.1),
        ModelWeights.NONE,
        TrainingListener.NONE);
  }

  @Test
  void aConfigCsvLoggerWritesItsOwnFileRelativeToTheExperiment() throws IOException {
    var training = new ExperimentLoader().loadText(CONFIG, null).config().orElseThrow().training();
    ExperimentFolder folder = ExperimentFolder.of(dir);
    var factory =
        new CallbackFactory(
            Schema.classification(), ConfiguredCsvLogger.builders(folder), folder.dir());
    Path log = dir.resolve("extra/log.csv");
    Files.createDirectories(log.getParent());
    Files.writeString(log, "epoch;loss\n0;9.0\n");

    TrainingCallback cb = factory.forStage(training.callbacks(), training.stages().get(0)).get(0);
    cb.onStageStart(context());
    cb.onEpochEnd(0, Map.of("loss", 1.0, "lr", 0.1));

    assertThat(cb.name()).isEqualTo("CSVLogger");
    assertThat(Files.readAllLines(log)).containsExactly("epoch;loss", "0;9.0", "0;1.0;0.1");
  }

  @Test
  void withoutAppendItStartsAFreshFile() throws IOException {
    Path log = dir.resolve("log.csv");
    Files.writeString(log, "old\n");
    var cb = new ConfiguredCsvLogger(log, ",", false);

    cb.onStageStart(context());
    cb.onEpochEnd(0, Map.of("loss", 1.0));

    assertThat(Files.readAllLines(log)).containsExactly("epoch,loss", "0,1.0");
  }
}
