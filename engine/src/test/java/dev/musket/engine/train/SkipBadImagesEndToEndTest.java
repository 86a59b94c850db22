package dev.musket.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.data.split.Split;
import dev.musket.engine.data.split.SplitFiles;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.SkippedImages;
import dev.musket.engine.experiment.SummaryStatus;
import dev.musket.engine.testing.CliRun;
import dev.musket.engine.testing.TinyProjects;
import dev.musket.engine.testing.TinyProjects.Greys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A CSV dataset listing a missing file and a corrupt PNG among good images: with {@code
 * skip_bad_images: true} the run trains on the rest, warns once per bad file (naming it and its
 * dataset index) and lists them in {@code summary.yaml}; without it the run fails, naming the file
 * and its index.
 */
@Timeout(300)
class SkipBadImagesEndToEndTest {

  private static final String CONFIG =
      """
      #%%Musket Classification 1.0
      architecture: TinyNet
      shape: [16, 16, 3]
      classes: 2
      activation: softmax
      loss: categorical_crossentropy
      metrics: [categorical_accuracy]
      primary_metric: val_categorical_accuracy
      primary_metric_mode: max
      optimizer: Adam
      lr: 0.01
      batch: 4
      inference_batch: 8
      folds_count: 2
      stages:
        - epochs: 1
      dataset:
        csv: {path: data/train.csv, images: data/images, extension: .png%s}
      """;

  @TempDir Path project;

  /** Index 5 is bright/gone (no file), index 9 is dark/broken (not a PNG): 12 rows in all. */
  @BeforeEach
  void writeProject() throws IOException {
    TinyProjects.writeModule(project, TinyProjects.TINY_NET);
    TinyProjects.images(project.resolve("data/images"), 5, new Random(3), Greys.PLAIN);
    Files.write(
        project.resolve("data/images/dark/broken.png"),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
    List<String> rows = new ArrayList<>(List.of("id,label"));
    for (int i = 0; i < 5; i++) {
      rows.add("bright/bright" + i + ",bright");
    }
    rows.add("bright/gone,bright");
    for (int i = 0; i < 3; i++) {
      rows.add("dark/dark" + i + ",dark");
    }
    rows.add("dark/broken,dark");
    for (int i = 3; i < 5; i++) {
      rows.add("dark/dark" + i + ",dark");
    }
    Files.write(project.resolve("data/train.csv"), rows);
    TinyProjects.experiment(project, "skip", CONFIG.formatted(", skip_bad_images: true"));
    TinyProjects.experiment(project, "strict", CONFIG.formatted(""));
  }

  @Test
  void withSkipBadImagesTheRunTrainsWarnsPerFileAndCountsThemInTheSummary() throws IOException {
    CliRun run = CliRun.of("fit", "--project", project.toString(), "--name", "skip");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(warningsAbout(run.err(), "gone.png")).containsExactly("5");
    assertThat(warningsAbout(run.err(), "broken.png")).containsExactly("9");
    ExperimentFolder folder = ExperimentFolder.of(project.resolve("experiments/skip"));
    Map<?, ?> summary = new Yaml(new LoaderOptions()).load(Files.readString(folder.summaryFile()));
    assertThat(summary.get("completed")).isEqualTo(true);
    assertThat(summary.get(SkippedImages.COUNT_KEY)).isEqualTo(2);
    assertThat(summary.get(SkippedImages.IDS_KEY)).isEqualTo(List.of("bright/gone", "dark/broken"));
    SummaryStatus status = folder.readSummary().orElseThrow();
    assertThat(((SummaryStatus.Completed) status).summary().skipped().count()).isEqualTo(2);
    // the folds split the 10 good images
    var folds = SplitFiles.readFolds(project.resolve("experiments/skip/config.yaml.folds_split"));
    for (Split fold : folds.orElseThrow()) {
      assertThat(fold.train().length + fold.heldOut().length).isEqualTo(10);
    }
  }

  @Test
  void withoutItTheRunFailsNamingTheBadFileAndItsIndex() throws IOException {
    CliRun run = CliRun.of("fit", "--project", project.toString(), "--name", "strict");

    assertThat(run.exit()).isNotZero();
    String all = run.out() + run.err();
    assertThat(all)
        .containsPattern(
            "cannot use image \\S*(bright/gone\\.png \\(dataset index 5\\)"
                + "|dark/broken\\.png \\(dataset index 9\\))");
    assertThat(run.out()).contains("add skip_bad_images: true to the dataset");
    ExperimentFolder folder = ExperimentFolder.of(project.resolve("experiments/strict"));
    assertThat(folder.errorFile()).exists();
    assertThat(Files.readString(folder.errorFile())).containsPattern("(gone|broken)\\.png");
    assertThat(Files.readString(folder.summaryFile())).doesNotContain("completed");
  }

  /** The dataset indices named by the "skipping bad image" warnings about {@code file}. */
  private static List<String> warningsAbout(String log, String file) {
    List<String> indices = new ArrayList<>();
    Matcher m =
        Pattern.compile(
                "WARN\\W.*skipping bad image: cannot use image \\S*"
                    + Pattern.quote(file)
                    + " \\(dataset index (\\d+)\\)")
            .matcher(log);
    while (m.find()) {
      indices.add(m.group(1));
    }
    return indices;
  }
}
