package dev.musket.engine.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.musket.engine.experiment.FoldStage;
import dev.musket.engine.predict.PredictionException;
import dev.musket.engine.predict.PredictionSource;
import dev.musket.engine.predict.Predictions;
import dev.musket.engine.predict.TtaMode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scores checked against a confusion matrix worked out by hand. */
class EvaluatorTest {

  @BeforeAll
  static void noScreen() {
    System.setProperty("java.awt.headless", "true");
  }

  /**
   * Six items of classes a, b, c. Predicted (most probable): a->a, a->b, b->b, b->c, c->c, c->b.
   *
   * <pre>
   *            predicted a  b  c
   * true a                1  1  0
   * true b                0  1  1
   * true c                0  1  1
   * </pre>
   *
   * a: TP 1, FP 0, FN 1 -> P 1, R 1/2, F1 2/3; b: TP 1, FP 2, FN 1 -> P 1/3, R 1/2, F1 0.4; c: TP
   * 1, FP 1, FN 1 -> 1/2 each. Accuracy 3/6.
   */
  static Predictions threeClasses() {
    float[][] p = {
      {0.7f, 0.2f, 0.1f},
      {0.2f, 0.5f, 0.3f},
      {0.1f, 0.8f, 0.1f},
      {0.1f, 0.2f, 0.7f},
      {0.05f, 0.05f, 0.9f},
      {0.3f, 0.6f, 0.1f}
    };
    float[][] t = {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}};
    return new Predictions(
        "exp",
        new PredictionSource.Holdout(),
        List.of(new FoldStage(0, 0)),
        TtaMode.NONE,
        List.of("i0", "i1", "i2", "i3", "i4", "i5"),
        List.of(List.of("a", "b", "c")),
        new float[][][] {p},
        new float[][][] {t},
        new boolean[] {true},
        false);
  }

  @Test
  void singleLabelScoresMatchTheHandComputedConfusionMatrix() {
    OutputEvaluation e = new Evaluator(2).evaluate(threeClasses()).outputs().get(0);

    assertThat(e.confusion()).isDeepEqualTo(new int[][] {{1, 1, 0}, {0, 1, 1}, {0, 1, 1}});
    assertThat(e.accuracy()).isEqualTo(0.5);
    ClassScores a = e.classes().get(0);
    ClassScores b = e.classes().get(1);
    ClassScores c = e.classes().get(2);
    assertThat(List.of(a.truePositives(), a.falsePositives(), a.falseNegatives(), a.support()))
        .containsExactly(1, 0, 1, 2);
    assertThat(a.precision()).isEqualTo(1.0);
    assertThat(a.recall()).isEqualTo(0.5);
    assertThat(a.f1()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(b.precision()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(b.recall()).isEqualTo(0.5);
    assertThat(b.f1()).isCloseTo(0.4, within(1e-12));
    assertThat(List.of(c.precision(), c.recall(), c.f1())).containsExactly(0.5, 0.5, 0.5);
    assertThat(e.macroF1()).isCloseTo((2.0 / 3 + 0.4 + 0.5) / 3, within(1e-12));
  }

  @Test
  void topLossesAreTheMostConfidentMistakesFirst() {
    List<TopLoss> top = new Evaluator(2).evaluate(threeClasses()).outputs().get(0).topLosses();

    assertThat(top).extracting(TopLoss::id).containsExactly("i5", "i1");
    assertThat(top.get(0).loss()).isCloseTo(-Math.log(0.1f), within(1e-9));
    assertThat(top.get(0).trueLabel()).isEqualTo("c");
    assertThat(top.get(0).predictedLabel()).isEqualTo("b");
  }

  @Test
  void multiLabelClassesArePredictedAboveOneHalf() {
    Predictions p =
        new Predictions(
            "exp",
            new PredictionSource.Holdout(),
            List.of(new FoldStage(0, 0)),
            TtaMode.NONE,
            List.of("x", "y", "z"),
            List.of(List.of("cat", "dog")),
            new float[][][] {{{0.9f, 0.6f}, {0.4f, 0.8f}, {0.2f, 0.7f}}},
            new float[][][] {{{1, 0}, {1, 1}, {0, 1}}},
            new boolean[] {false},
            false);

    OutputEvaluation e = new Evaluator(5).evaluate(p).outputs().get(0);

    assertThat(e.confusion()).isNull();
    assertThat(e.classes().get(0).precision()).isEqualTo(1.0);
    assertThat(e.classes().get(0).recall()).isEqualTo(0.5);
    assertThat(e.classes().get(1).precision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(e.classes().get(1).recall()).isEqualTo(1.0);
    assertThat(e.accuracy()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(e.topLosses().get(0).predictedLabel()).isEqualTo("dog");
  }

  @Test
  void unlabelledItemsCannotBeEvaluated() {
    Predictions p = threeClasses();
    Predictions unlabelled =
        new Predictions(
            p.experiment(),
            new PredictionSource.Images(Path.of("photos")),
            p.members(),
            p.tta(),
            p.ids(),
            p.classNames(),
            p.probabilities(),
            null,
            p.singleLabel(),
            false);

    assertThatThrownBy(() -> new Evaluator(3).evaluate(unlabelled))
        .isInstanceOf(PredictionException.class)
        .hasMessageContaining("experiment 'exp': the images in photos has no labels");
  }

  @Test
  void theWriterLeavesCsvsAndReadablePngs(@TempDir Path dir) throws IOException {
    Evaluation e = new Evaluator(3).evaluate(threeClasses());

    List<Path> files = EvaluationWriter.write(e, dir);

    assertThat(files)
        .extracting(f -> f.getFileName().toString())
        .containsExactlyInAnyOrder(
            "summary.csv",
            "scores.csv",
            "top-losses.csv",
            "scores.png",
            "confusion.csv",
            "confusion.png");
    assertThat(Files.readAllLines(dir.resolve("confusion.csv")))
        .containsExactly("true\\predicted,a,b,c", "a,1,1,0", "b,0,1,1", "c,0,1,1");
    assertThat(Files.readAllLines(dir.resolve("scores.csv")))
        .contains("b,2,1,2,1,0.333333,0.500000,0.400000");
    assertThat(Files.readAllLines(dir.resolve("summary.csv")).get(1)).startsWith("0,6,0.500000,");
    for (String png : List.of("confusion.png", "scores.png")) {
      BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
      assertThat(image).as(png).isNotNull();
      assertThat(image.getWidth()).isGreaterThanOrEqualTo(360);
    }
    try (var s = Files.list(dir)) {
      assertThat(s.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }
}
