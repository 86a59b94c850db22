package dev.musket.engine.train.lrfinder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LrSuggestionTest {

  /**
   * 121 batches from 1e-6 to 1e0 (20 per decade) with the given loss as a function of log10(lr).
   */
  private static List<LrFinderPoint> sweep(java.util.function.DoubleUnaryOperator lossOfLog) {
    List<LrFinderPoint> points = new ArrayList<>();
    for (int i = 0; i <= 120; i++) {
      double log = -6 + i / 20.0;
      points.add(new LrFinderPoint(i, Math.pow(10, log), lossOfLog.applyAsDouble(log), 0, 0));
    }
    return points;
  }

  @Test
  void theSuggestionIsTheSteepestFallAndTheRangeRunsFromItsStartToATenthOfTheMinimum() {
    // falls like a logistic centred at 1e-3, then blows up after 1e-1
    List<LrFinderPoint> points =
        sweep(log -> 2 / (1 + Math.exp(4 * (log + 3))) + 0.1 + (log > -1 ? 10 * (log + 1) : 0));

    LrSuggestion s = LrSuggestion.of(points, 5, 0.5).orElseThrow();

    assertThat(Math.log10(s.lr())).isCloseTo(-3, org.assertj.core.data.Offset.offset(0.1));
    // the bottom is flat, and the blow-up after it leaks a little back into the smoothing
    assertThat(Math.log10(s.minLossLr())).isBetween(-1.5, -1.0);
    assertThat(s.rangeHigh())
        .isCloseTo(s.minLossLr() / 10, org.assertj.core.data.Offset.offset(1e-9));
    // 10% of the fall is reached where the logistic is at 0.9: log = -3 - ln(9)/4
    assertThat(Math.log10(s.rangeLow()))
        .isCloseTo(-3 - Math.log(9) / 4, org.assertj.core.data.Offset.offset(0.15));
  }

  @Test
  void aLossThatNeverFallsGivesNoSuggestion() {
    assertThat(LrSuggestion.of(sweep(log -> 1 + Math.exp(log)), 5, 0.9)).isEmpty();
  }

  @Test
  void nanLossesAtTheEndAreLeftOut() {
    List<LrFinderPoint> points = sweep(log -> log < -0.5 ? -log : Double.NaN);
    assertThat(LrSuggestion.of(points, 5, 0.5)).isPresent();
  }
}
