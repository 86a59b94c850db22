package dev.musket.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterimExperimentConfigTest {
  @TempDir Path project;

  @Test
  void experimentKeysWinAndMissingOnesComeFromCommonYaml() throws IOException {
    Files.writeString(
        project.resolve("common.yaml"), "shape: [32, 32, 3]\nfolds_count: 4\ntestSplit: 0.3\n");
    Path exp = Files.createDirectories(project.resolve("experiments/group/e1"));
    Files.writeString(
        exp.resolve("config.yaml"),
        "#%Musket Classification 1.0\nfolds_count: 2\ncrops: 2\nmanualResize: true\n"
            + "dataset: {image_folder: [data]}\naugmentation: {Fliplr: 0.5}\n");
    InterimExperimentConfig cfg = InterimExperimentConfig.load(project, "group/e1");
    assertThat(cfg.shape()).containsExactly(32, 32, 3);
    assertThat(cfg.splits().foldsCount()).isEqualTo(2);
    assertThat(cfg.splits().testSplit()).isEqualTo(0.3);
    assertThat(cfg.splits().randomState()).isEqualTo(33);
    assertThat(cfg.crops()).isEqualTo(2);
    assertThat(cfg.manualResize()).isTrue();
    assertThat(cfg.augmentation()).isPresent();
    assertThat(cfg.transforms()).isEmpty();
  }

  @Test
  void aMissingExperimentNamesItsPath() {
    assertThatThrownBy(() -> InterimExperimentConfig.load(project, "nope"))
        .hasMessageContaining("no experiment 'nope'")
        .hasMessageContaining("config.yaml");
  }
}
