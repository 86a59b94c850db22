package dev.musket.engine.train.lrfinder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.testing.CliRun;
import dev.musket.engine.testing.TinyProjects;
import dev.musket.engine.testing.TinyProjects.Greys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code musket lr-find} on a tiny project in a temporary folder, end to end. */
@Timeout(300)
class LrFindEndToEndTest {

  static final String CONFIG =
      """
      architecture: TinyNet
      shape: [16, 16, 3]
      classes: 2
      activation: softmax
      loss: categorical_crossentropy
      metrics: [categorical_accuracy]
      primary_metric: val_categorical_accuracy
      primary_metric_mode: max
      optimizer: Adam
      lr: 0.001
      batch: 4
      folds_count: 2
      augmentation:
        Fliplr: 0.5
      stages:
        - epochs: 2
      dataset:
        image_folder: [data/images]
      """;

  /** 16x16 grey images, bright or dark: separable after global pooling. */
  static Path project(Path dir, String config) throws IOException {
    TinyProjects.writeModule(dir, TinyProjects.TINY_NET);
    TinyProjects.images(
        dir.resolve("data/images"), 12, new Random(11), new Greys(160, 90, 25, 0, 0));
    TinyProjects.experiment(dir, "tiny", config);
    return dir;
  }

  /** Every file under {@code dir} with a hash of its bytes. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), sha256(Files.readAllBytes(p)));
      }
    }
    return files;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void writesTheCsvAndBothPlotsAndPrintsTheSuggestionWithoutTouchingTheExperiment(@TempDir Path dir)
      throws IOException {
    Path project = project(dir.resolve("project"), CONFIG);
    Path experiment = project.resolve("experiments/tiny");
    Map<String, String> before = snapshot(experiment);
    Path out = dir.resolve("lr");

    CliRun run =
        CliRun.of(
            "lr-find",
            "--project",
            project.toString(),
            "--name",
            "tiny",
            "--start_lr",
            "1e-4",
            "--end_lr",
            "10",
            "--epochs",
            "10",
            "--num_workers",
            "2",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(snapshot(experiment)).isEqualTo(before);
    List<String> csv = Files.readAllLines(out.resolve("lrfinder.csv"));
    assertThat(csv.get(0)).isEqualTo("batch,lr,loss,smoothed_loss,loss_change");
    // 24 items, 2 folds: fold 0 trains on 12 = 3 batches of 4, so 10 epochs plan 30 batches
    assertThat(csv.size() - 1).isBetween(2, 30);
    String[] first = csv.get(1).split(",", -1);
    assertThat(first).hasSize(5);
    assertThat(Double.parseDouble(first[1])).isEqualTo(1e-4);
    assertThat(first[4]).isEmpty();
    for (String png : List.of("lrfinder-loss.png", "lrfinder-loss-change.png")) {
      var image = ImageIO.read(out.resolve(png).toFile());
      assertThat(image).as(png).isNotNull();
      assertThat(image.getWidth()).isEqualTo(900);
    }
    assertThat(run.out()).contains("batches; stopped because").contains("wrote ");
    // bright against dark is learnt within a few batches at Adam's usual rates
    assertThat(run.out()).contains("suggested lr: ").contains("range: ").contains("rule: ");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void reusesTheFitsFoldsWhenTheExperimentHasThem(@TempDir Path dir) throws IOException {
    Path project = project(dir.resolve("project"), CONFIG);
    Path folds = project.resolve("experiments/tiny/config.yaml.folds_split");
    // a fold 0 that trains on two items only: one batch per epoch
    StringBuilder validation = new StringBuilder();
    for (int i = 2; i < 24; i++) {
      validation.append(validation.length() == 0 ? "" : ", ").append(i);
    }
    Files.writeString(
        folds, "- [[0, 1], [" + validation + "]]\n- [[" + validation + "], [0, 1]]\n");
    Map<String, String> before = snapshot(project.resolve("experiments"));
    Path out = dir.resolve("lr");

    CliRun run =
        CliRun.of(
            "lr-find",
            "--project",
            project.toString(),
            "--name",
            "tiny",
            "--epochs",
            "3",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out.resolve("lrfinder.csv"))).hasSizeLessThanOrEqualTo(1 + 3);
    assertThat(snapshot(project.resolve("experiments"))).isEqualTo(before);
  }

  @Test
  void aMissingDatasetFolderFailsWithAMessageNamingIt(@TempDir Path dir) throws IOException {
    Path project = project(dir.resolve("project"), CONFIG.replace("data/images", "data/missing"));

    CliRun run =
        CliRun.of(
            "lr-find",
            "--project",
            project.toString(),
            "--name",
            "tiny",
            "--out",
            dir.resolve("lr").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("data/missing");
    assertThat(dir.resolve("lr/lrfinder.csv")).doesNotExist();
  }

  @Test
  void aBrokenImageFailsWithAMessageNamingTheFile(@TempDir Path dir) throws IOException {
    Path project = project(dir.resolve("project"), CONFIG);
    // half of one class, so fold 0's training part surely holds some
    for (int i = 0; i < 6; i++) {
      Files.writeString(project.resolve("data/images/dark/dark" + i + ".png"), "not a png");
    }

    CliRun run =
        CliRun.of(
            "lr-find",
            "--project",
            project.toString(),
            "--name",
            "tiny",
            "--epochs",
            "2",
            "--out",
            dir.resolve("lr").toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).containsPattern("images/dark/dark[0-5]\\.png");
    assertThat(dir.resolve("lr/lrfinder.csv")).doesNotExist();
  }

  @Test
  void anEndLrBelowTheStartIsRefused(@TempDir Path dir) throws IOException {
    Path project = project(dir.resolve("project"), CONFIG);

    CliRun run =
        CliRun.of(
            "lr-find",
            "--project",
            project.toString(),
            "--name",
            "tiny",
            "--start_lr",
            "1",
            "--end_lr",
            "0.1",
            "--out",
            dir.resolve("lr").toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("end_lr must be a number above start_lr");
  }

  @Test
  void theExperimentsOwnFolderIsRefusedAsOutput(@TempDir Path dir) throws IOException {
    Path project = project(dir.resolve("project"), CONFIG);

    CliRun run =
        CliRun.of(
            "lr-find",
            "--project",
            project.toString(),
            "--name",
            "tiny",
            "--out",
            project.resolve("experiments/tiny").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("is the experiment's own folder");
  }
}
