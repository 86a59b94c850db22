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
    assertThat(Math.log10(s.minLossLr())).isBetween(-1.5, -0.8);
    assertThat(s.rangeHigh())
        .isCloseTo(s.minLossLr() / 10, org.assertj.core.data.Offset.offset(1e-9));
    // 10% of the fall is reached where the logistic is at 0.9: log = -3 - ln(9)/4
    assertThat(Math.log10(s.rangeLow()))
        .isCloseTo(-3 - Math.log(9) / 4, org.assertj.core.data.Offset.offset(0.15));
  }

  @Test
  void aShortDipJustBeforeTheBlowUpStillGivesASuggestion() {
    // a real 18-batch sweep (1e-5 to 100) of a tiny CNN: one dip near 0.05, then a blow-up
    double[] losses = {
      0.6890, 0.6898, 0.7003, 0.6951, 0.6893, 0.6995, 0.6916, 0.6925, 0.6637, 0.6095, 0.8420,
      0.7585, 1.1642, 1.8189, 0.8238, 1.0292, 1.8508, 2.2805
    };
    List<LrFinderPoint> points = new ArrayList<>();
    LrFinderSettings settings = LrFinderSettings.of(1e-5, 100, 1);
    for (int i = 0; i < losses.length; i++) {
      points.add(new LrFinderPoint(i, settings.lrAt(i, losses.length), losses[i], 0, 0));
    }

    LrSuggestion s = LrSuggestion.of(points, 5, LossCurve.betaFor(losses.length)).orElseThrow();

    assertThat(s.lr()).isBetween(5e-3, 6e-2);
    assertThat(s.minLossLr()).isBetween(1e-2, 0.1);
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
