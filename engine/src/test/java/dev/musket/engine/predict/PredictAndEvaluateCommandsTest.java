package dev.musket.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.cli.MusketCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code musket predict} and {@code musket evaluate} on a trained project. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class PredictAndEvaluateCommandsTest {

  private Path project;
  private String out;
  private String err;

  @BeforeAll
  void train(@TempDir Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    project = PredictProject.trained(dir.resolve("project"), PredictProject.CONFIG);
  }

  private int run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
    try {
      return MusketCli.run(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      out = o.toString(StandardCharsets.UTF_8);
      err = e.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void predictWritesIdsProbabilitiesAndTheLabel(@TempDir Path tmp) throws IOException {
    Path csv = tmp.resolve("holdout.csv");

    int code =
        run("predict", "--project", project.toString(), "--name", "exp", "--out", csv.toString());

    assertThat(code).as(err).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("id,bright,dark,label");
    assertThat(lines).hasSize(5); // 16 images, testSplit 0.25
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      float bright = Float.parseFloat(f[1]);
      float dark = Float.parseFloat(f[2]);
      assertThat(bright + dark).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
      assertThat(f[3]).isEqualTo(bright >= dark ? "bright" : "dark");
    }
    assertThat(err).contains("with 4 model(s), TTA NONE");
  }

  @Test
  void predictOnAFolderWithTtaAndChosenFoldsAndStage(@TempDir Path tmp) throws IOException {
    Path csv = tmp.resolve("test.csv");

    int code =
        run(
            "predict",
            "--project",
            project.toString(),
            "--name",
            "exp",
            "--images",
            project.resolve("data/test/dark").toString(),
            "--folds",
            "0,1",
            "--stage",
            "-1",
            "--tta",
            "--out",
            csv.toString());

    assertThat(code).as(err).isZero();
    assertThat(Files.readAllLines(csv)).hasSize(4).element(1).asString().startsWith("dark0.png,");
    assertThat(err).contains("with 2 model(s), TTA HORIZONTAL");
  }

  @Test
  void evaluateWritesScoresConfusionAndTopLossesIntoTheExperiment() throws IOException {
    int code =
        run("evaluate", "--project", project.toString(), "--name", "exp", "--validation", "0");

    assertThat(code).as(err).isZero();
    Path dir = project.resolve("experiments/exp/evaluation/validation0");
    for (String f :
        List.of(
            "summary.csv",
            "scores.csv",
            "confusion.csv",
            "confusion.png",
            "scores.png",
            "top-losses.csv")) {
      assertThat(dir.resolve(f)).exists();
    }
    List<String> confusion = Files.readAllLines(dir.resolve("confusion.csv"));
    int total = 0;
    for (String row : confusion.subList(1, confusion.size())) {
      String[] f = row.split(",");
      total += Integer.parseInt(f[1]) + Integer.parseInt(f[2]);
    }
    assertThat(total).isEqualTo(6); // 12 non-holdout images, 2 folds
    assertThat(out).contains("exp on the validation set of fold 0: 6 images, 2 model(s)");
    assertThat(out).contains("macro avg").contains("accuracy");
  }

  @Test
  void evaluatingUnlabelledImagesSaysWhatToUseInstead() {
    int code =
        run(
            "evaluate",
            "--project",
            project.toString(),
            "--name",
            "exp",
            "--images",
            project.resolve("data/test/dark").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err).contains("musket evaluate: experiment 'exp'").contains("has no labels");
  }

  @Test
  void anUnknownDatasetIsAClearError(@TempDir Path tmp) {
    int code =
        run(
            "predict",
            "--project",
            project.toString(),
            "--name",
            "exp",
            "--dataset",
            "nope",
            "--out",
            tmp.resolve("x.csv").toString());

    assertThat(code).isEqualTo(1);
    assertThat(err).contains("experiment 'exp' has no dataset 'nope'").contains("known: test");
    assertThat(tmp.resolve("x.csv")).doesNotExist();
  }

  @Test
  void twoSelectionsAtOnceAreRefused(@TempDir Path tmp) {
    int code =
        run(
            "predict",
            "--project",
            project.toString(),
            "--name",
            "exp",
            "--holdout",
            "--validation",
            "0",
            "--out",
            tmp.resolve("x.csv").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err).contains("mutually exclusive");
  }
}
