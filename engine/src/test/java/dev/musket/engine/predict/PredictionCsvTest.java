package dev.musket.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.experiment.FoldStage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionCsvTest {

  private static Predictions twoOutputs() {
    return new Predictions(
        "exp",
        new PredictionSource.Holdout(),
        List.of(new FoldStage(0, 0)),
        TtaMode.NONE,
        List.of("a,1.png", "b.png"),
        List.of(List.of("circle", "square"), List.of("red", "blue", "green")),
        new float[][][] {
          {{0.25f, 0.75f}, {0.5f, 0.5f}},
          {{0.7f, 0.6f, 0.1f}, {0.1f, 0.2f, 0.3f}}
        },
        null,
        new boolean[] {true, false},
        false);
  }

  @Test
  void aMultiOutputModelPrefixesColumnsAndLabelsOnlySingleLabelOutputs() {
    assertThat(PredictionCsv.header(twoOutputs()))
        .containsExactly(
            "id", "out0_circle", "out0_square", "out1_red", "out1_blue", "out1_green", "label_0");
  }

  @Test
  void rowsHoldExactProbabilitiesAndQuoteIdsWithCommas() {
    String[] lines = PredictionCsv.text(twoOutputs()).split("\n");

    assertThat(lines[1]).isEqualTo("\"a,1.png\",0.25,0.75,0.7,0.6,0.1,square");
    assertThat(lines[2]).isEqualTo("b.png,0.5,0.5,0.1,0.2,0.3,circle");
  }

  @Test
  void multiLabelOutputsNameEveryClassAboveOneHalf() {
    Predictions p = twoOutputs();

    assertThat(p.predictedLabel(1, 0)).isEqualTo("red blue");
    assertThat(p.predictedLabel(1, 1)).isEmpty();
  }
}
