package dev.musket.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {
  static final Path SHAPES = Path.of("../sample-projects/shapes").toAbsolutePath().normalize();

  @TempDir Path out;

  @Test
  void writesOriginalAndAugmentedPngsAndAnIndexForEachSampleExperiment() throws IOException {
    for (String exp : List.of("folder_resnet18", "csv_resnet18", "csv_multi_output")) {
      Path dir = out.resolve(exp);
      int code =
          MusketCli.run(
              "preview",
              "--project",
              SHAPES.toString(),
              "--name",
              exp,
              "--count",
              "3",
              "--seed",
              "5",
              "--out",
              dir.toString());
      assertThat(code).as(exp).isZero();
      assertThat(dir.resolve("000-original.png")).isNotEmptyFile();
      assertThat(dir.resolve("002-augmented.png")).isNotEmptyFile();
      assertThat(dir.resolve("contact-sheet.png")).isNotEmptyFile();
      List<String> index = Files.readAllLines(dir.resolve("index.csv"));
      assertThat(index).hasSize(4);
      assertThat(index.get(0)).isEqualTo("index,id,label,original,augmented");
    }
  }

  @Test
  void theSameSeedWritesTheSameImages() throws IOException {
    for (String run : List.of("a", "b")) {
      MusketCli.run(
          "preview",
          "--project",
          SHAPES.toString(),
          "--name",
          "folder_resnet18",
          "--count",
          "2",
          "--seed",
          "9",
          "--out",
          out.resolve(run).toString());
    }
    assertThat(Files.readAllBytes(out.resolve("a/001-augmented.png")))
        .isEqualTo(Files.readAllBytes(out.resolve("b/001-augmented.png")));
  }

  @Test
  void aBadAugmenterFailsWithItsDiagnostic(@TempDir Path project) throws IOException {
    Path exp = project.resolve("experiments/bad");
    Files.createDirectories(exp);
    Files.writeString(
        exp.resolve("config.yaml"),
        "shape: [8, 8, 3]\ndataset: {image_folder: [data]}\naugmentation:\n  Flip: 0.5\n");
    Files.createDirectories(project.resolve("data/a"));
    int code =
        MusketCli.run(
            "preview",
            "--project",
            project.toString(),
            "--name",
            "bad",
            "--out",
            out.resolve("x").toString());
    assertThat(code).isEqualTo(1);
    assertThat(out.resolve("x")).doesNotExist();
  }

  @Test
  void theSampleProjectFeedsTheLoaderWithItsSplits() throws Exception {
    var cfg =
        new dev.musket.engine.config.ExperimentLoader()
            .load(SHAPES.resolve("experiments/csv_multi_output/config.yaml"))
            .config()
            .orElseThrow();
    var data = dev.musket.engine.data.ExperimentData.from(cfg, SHAPES).data().orElseThrow();
    var splits =
        dev.musket.engine.data.split.ExperimentSplits.plan(
            data.dataSet(),
            dev.musket.engine.data.split.SplitSettings.of(cfg.data()),
            out.resolve("config.yaml"));
    assertThat(splits.holdout().heldOut()).hasSize(30);
    assertThat(splits.folds()).hasSize(3);
    try (var it =
        data.iterator(
            splits.folds().get(0).heldOut(),
            new dev.musket.engine.data.LoaderSettings(16, 2, 2, true, 5))) {
      var batch = it.next();
      assertThat(batch.getFeatures(0).shape()).containsExactly(16, 3, 48, 48);
      assertThat(batch.getLabels()).hasSize(2);
      assertThat(batch.getLabels(1).shape()).containsExactly(16, 4);
    }
  }
}
