package dev.musket.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.opencv.OpenCvImages;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.experiment.FoldStage;
import dev.musket.engine.train.NetworkFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Predictions of a really trained 2-fold x 2-stage experiment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class PredictorTest {

  private Path project;
  private Predictor predictor;

  @BeforeAll
  void train(@TempDir Path dir) throws IOException {
    project = PredictProject.trained(dir.resolve("project"), PredictProject.CONFIG);
    predictor = new Predictor(project, PredictProject.NAME, PredictProject.load(project));
  }

  private Predictions holdout(List<Integer> folds, List<Integer> stages) {
    return predictor.predict(
        PredictionRequest.of(new PredictionSource.Holdout())
            .withFolds(folds)
            .withStages(stages)
            .withTta(TtaMode.NONE)
            .withCache(false));
  }

  @Test
  void anEnsembleOfFoldsIsTheMeanOfItsMembers() {
    Predictions a = holdout(List.of(0), List.of(1));
    Predictions b = holdout(List.of(1), List.of(1));
    Predictions both = holdout(List.of(0, 1), List.of(1));

    assertThat(both.members()).containsExactly(new FoldStage(0, 1), new FoldStage(1, 1));
    assertThat(a.probabilities()[0][0][0]).isNotEqualTo(b.probabilities()[0][0][0]);
    assertMean(both, a, b);
  }

  @Test
  void anEnsembleOfStagesIsTheMeanOfItsMembers() {
    Predictions s0 = holdout(List.of(0), List.of(0));
    Predictions s1 = holdout(List.of(0), List.of(-1));
    Predictions both = holdout(List.of(0), List.of());

    assertThat(s1.members()).containsExactly(new FoldStage(0, 1));
    assertThat(both.members()).containsExactly(new FoldStage(0, 0), new FoldStage(0, 1));
    assertMean(both, s0, s1);
  }

  @Test
  void aFoldsValidationSetIsPredictedByThatFoldOnly() {
    List<int[]> progress = new ArrayList<>();
    Predictions p =
        predictor.predict(
            PredictionRequest.of(new PredictionSource.Validation(1)).withCache(false),
            new CancellationToken(),
            (done, total) -> progress.add(new int[] {done, total}));

    // 6 items in batches of 8 (inference_batch), two members: two batches in all
    assertThat(progress).hasSize(2);
    assertThat(progress.get(1)).containsExactly(2, 2);
    assertThat(p.members()).containsExactly(new FoldStage(1, 0), new FoldStage(1, 1));
    assertThat(p.hasTargets()).isTrue();
    assertThat(p.size()).isPositive();
  }

  @Test
  void horizontalTtaAveragesTheImageAndItsMirrorImage(@TempDir Path tmp) throws IOException {
    Path originals = Files.createDirectories(tmp.resolve("originals"));
    Path mirrored = Files.createDirectories(tmp.resolve("mirrored"));
    try (Stream<Path> files = Files.list(project.resolve("data/test/bright"))) {
      for (Path f : files.sorted().toList()) {
        HwcImage img = OpenCvImages.decode(Files.readAllBytes(f)).orElseThrow();
        Files.copy(f, originals.resolve(f.getFileName()));
        Files.write(mirrored.resolve(f.getFileName()), OpenCvImages.encode(mirror(img), ".png"));
      }
    }
    PredictionRequest plain =
        PredictionRequest.of(new PredictionSource.Images(originals))
            .withStages(List.of(1))
            .withTta(TtaMode.NONE)
            .withCache(false);
    Predictions original = predictor.predict(plain);
    Predictions mirror =
        predictor.predict(
            PredictionRequest.of(new PredictionSource.Images(mirrored))
                .withStages(List.of(1))
                .withTta(TtaMode.NONE)
                .withCache(false));
    Predictions tta = predictor.predict(plain.withTta(TtaMode.HORIZONTAL));

    assertThat(original.probabilities()[0][0][0])
        .as("the mirror image is a different input")
        .isNotCloseTo(mirror.probabilities()[0][0][0], org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(tta.hasTargets()).isFalse();
    assertMean(tta, original, mirror);
  }

  @Test
  void aSecondPredictionIsReadFromTheCacheUntilTheWeightsChange() throws IOException {
    PredictionRequest r =
        PredictionRequest.of(new PredictionSource.Named("test")).withFolds(List.of(1));
    Predictions first = predictor.predict(r);
    Predictions second = predictor.predict(r);

    assertThat(first.fromCache()).isFalse();
    assertThat(second.fromCache()).isTrue();
    assertThat(second.probabilities()).isDeepEqualTo(first.probabilities());
    assertThat(predictor.folder().predictionsDir().resolve("dataset-test-f1-s0_1-none.bin"))
        .exists();

    Path weights = predictor.folder().bestWeights(1, 1);
    ComputationGraph network = NetworkFiles.load(weights);
    network.params().addi(0.05);
    NetworkFiles.save(network, weights, false);
    Predictions third = predictor.predict(r);

    assertThat(third.fromCache()).isFalse();
    assertThat(third.probabilities()[0][0][0]).isNotEqualTo(first.probabilities()[0][0][0]);
    assertThat(predictor.predict(r).fromCache()).isTrue();
  }

  @Test
  void aNamedDatasetKeepsItsIdsAndLabels() {
    Predictions p =
        predictor.predict(
            PredictionRequest.of(new PredictionSource.Named("test")).withCache(false));

    assertThat(p.ids()).hasSize(6).first().isEqualTo("bright/bright0.png");
    assertThat(p.classNames()).containsExactly(List.of("bright", "dark"));
    assertThat(p.singleLabel()).containsExactly(true);
    assertThat(p.trueLabel(0, 0)).isEqualTo("bright");
    for (float[] row : p.probabilities()[0]) {
      assertThat(row[0] + row[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  @Test
  void dumpPredictionsToCsvWroteMusketsFilesAfterTheFit() throws IOException {
    Path dir = predictor.folder().predictionsDir();
    for (String f :
        List.of(
            "validation0.0-gt.csv",
            "validation0.0-pt.csv",
            "validation1.1-pt.csv",
            "holdout-0_1.1-gt.csv",
            "holdout-0_1.1-pt.csv")) {
      assertThat(dir.resolve(f)).exists();
    }
    List<String> gt = Files.readAllLines(dir.resolve("holdout-0_1.0-gt.csv"));
    assertThat(gt.get(0)).isEqualTo("id,label");
    assertThat(gt.get(1)).matches("(bright|dark)/\\w+\\.png,(bright|dark)");
    assertThat(gt)
        .hasSize(
            predictor.predict(PredictionRequest.of(new PredictionSource.Holdout())).size() + 1);
  }

  @Test
  void anUnknownDatasetNameNamesTheExperimentAndTheKnownOnes() {
    assertThatThrownBy(
            () -> predictor.predict(PredictionRequest.of(new PredictionSource.Named("nope"))))
        .isInstanceOf(PredictionException.class)
        .hasMessageContaining("experiment 'exp' has no dataset 'nope'")
        .hasMessageContaining("known: test");
  }

  @Test
  void aFoldOrStageThatDoesNotExistIsRefused() {
    assertThatThrownBy(() -> holdout(List.of(2), List.of()))
        .isInstanceOf(PredictionException.class)
        .hasMessageContaining("has no fold 2; its folds are 0..1");
    assertThatThrownBy(() -> holdout(List.of(), List.of(5)))
        .hasMessageContaining("has no stage 5; its stages are 0..1");
  }

  @Test
  void anUntrainedExperimentSaysToRunFitFirst(@TempDir Path dir) throws IOException {
    Path fresh = PredictProject.create(dir.resolve("fresh"), PredictProject.CONFIG);
    Predictor untrained = Predictor.open(fresh, PredictProject.NAME);

    assertThatThrownBy(
            () -> untrained.predict(PredictionRequest.of(new PredictionSource.Holdout())))
        .isInstanceOf(PredictionException.class)
        .hasMessageContaining("experiment 'exp' has no weights for fold 0, stage 0")
        .hasMessageContaining("./musket fit --project " + fresh.toAbsolutePath() + " --name exp");
  }

  @Test
  void anUnknownExperimentIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> Predictor.open(dir, "ghost"))
        .isInstanceOf(PredictionException.class)
        .hasMessageContaining("no experiment 'ghost'");
  }

  private static void assertMean(Predictions mean, Predictions a, Predictions b) {
    assertThat(mean.ids()).isEqualTo(a.ids());
    for (int i = 0; i < mean.size(); i++) {
      for (int c = 0; c < 2; c++) {
        float expected = (a.probabilities()[0][i][c] + b.probabilities()[0][i][c]) / 2;
        assertThat(mean.probabilities()[0][i][c])
            .as("item %d class %d", i, c)
            .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }

  private static HwcImage mirror(HwcImage in) {
    HwcImage out = HwcImage.blank(in.height(), in.width(), in.channels());
    for (int y = 0; y < in.height(); y++) {
      for (int x = 0; x < in.width(); x++) {
        for (int c = 0; c < in.channels(); c++) {
          out.set(y, in.width() - 1 - x, c, in.get(y, x, c));
        }
      }
    }
    return out;
  }
}
