package dev.musket.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** crops: 2 trains on 8x8 cells; predictions come back one row per whole image. */
@Timeout(300)
class CropsPredictionTest {

  @Test
  void cellsArePredictedAndReassembledIntoOneRowPerImage(@TempDir Path dir) throws IOException {
    String config =
        PredictProject.CONFIG
            .replace("folds_count: 2", "folds_count: 1\ncrops: 2")
            .replace("  - epochs: 1\n    lr: 0.005\n", "");
    Path project = PredictProject.trained(dir, config);
    Predictor predictor = Predictor.open(project, PredictProject.NAME);

    Predictions p =
        predictor.predict(
            PredictionRequest.of(new PredictionSource.Named("test"))
                .withTta(TtaMode.HORIZONTAL_AND_VERTICAL));

    assertThat(p.size()).isEqualTo(6);
    assertThat(p.ids()).doesNotHaveDuplicates().noneMatch(id -> id.contains("#"));
    assertThat(p.members()).hasSize(1);
    for (float[] row : p.probabilities()[0]) {
      assertThat(row[0] + row[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }
    assertThat(new dev.musket.engine.evaluate.Evaluator(3).evaluate(p).items()).isEqualTo(6);
    assertThat(List.of(p.classNames().get(0))).containsExactly(List.of("bright", "dark"));

    // the holdout and the validation set are whole images (their cells were never trained on):
    // 16 images, testSplit 0.25 -> 4 held out; validationSplit 0.2 of the other 12 -> 3
    Predictions holdout = predictor.predict(PredictionRequest.of(new PredictionSource.Holdout()));
    Predictions validation =
        predictor.predict(PredictionRequest.of(new PredictionSource.Validation(0)));
    assertThat(holdout.ids()).hasSize(4).doesNotHaveDuplicates().noneMatch(id -> id.contains("#"));
    assertThat(validation.ids()).hasSize(3).doesNotContainAnyElementsOf(holdout.ids());
  }
}
