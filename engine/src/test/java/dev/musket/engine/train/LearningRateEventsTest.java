package dev.musket.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.events.TrainingEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each learning-rate change at an epoch's end is one event, named after the callback that made it.
 */
class LearningRateEventsTest {

  @Test
  @Timeout(120)
  void reduceLrOnPlateauIsReportedOncePerChange(@TempDir Path dir) throws Exception {
    String config =
        TinyProject.CONFIG
            .replace("    EarlyStopping: {patience: 2, monitor: val_loss}\n", "")
            .replace(
                "ReduceLROnPlateau: {patience: 1, factor: 0.5, monitor: val_loss}",
                "ReduceLROnPlateau: {patience: 0, factor: 0.5, monitor: val_loss, min_delta: 10}");
    Path project = TinyProject.create(dir.resolve("p"), 6, config);
    List<TrainingEvent.LearningRateChanged> changes = new ArrayList<>();
    new ExperimentRunner()
        .fit(
            project,
            TinyProject.NAME,
            new ExperimentLoader()
                .load(project.resolve("experiments/" + TinyProject.NAME + "/config.yaml"))
                .config()
                .orElseThrow(),
            new FitOptions(false, false, List.of(0), null, 1),
            event -> {
              if (event instanceof TrainingEvent.LearningRateChanged c) {
                changes.add(c);
              }
            },
            new CancellationToken());

    // min_delta 10: no epoch ever improves enough, so every epoch end (but the last) reduces the lr
    assertThat(changes).isNotEmpty();
    assertThat(changes)
        .extracting(TrainingEvent.LearningRateChanged::by)
        .containsOnly("ReduceLROnPlateau");
    assertThat(changes).extracting(c -> c.stage() + ":" + c.epoch()).doesNotHaveDuplicates();
  }
}
