package dev.musket.engine.train.lrfinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LossCurveTest {

  @Test
  void theSmoothedLossIsABiasCorrectedMovingAverage() {
    LossCurve curve = new LossCurve(0.9, 2, 4);
    assertThat(curve.add(1e-3, 2.0).smoothedLoss()).isCloseTo(2.0, within(1e-12));
    // (0.9 * 0.1 * 2 + 0.1 * 1) / (1 - 0.81)
    assertThat(curve.add(2e-3, 1.0).smoothedLoss()).isCloseTo(0.28 / 0.19, within(1e-12));
  }

  @Test
  void theLossChangeIsTheSmoothedLossChangeAveragedOverTheWindow() {
    LossCurve curve = new LossCurve(0, 2, 4);
    assertThat(curve.add(1, 5).lossChange()).isNaN();
    assertThat(curve.add(2, 4).lossChange()).isNaN();
    assertThat(curve.add(3, 1).lossChange()).isCloseTo(-2.0, within(1e-12));
    assertThat(curve.add(4, 2).lossChange()).isCloseTo(-1.0, within(1e-12));
  }

  @Test
  void itStopsOnceTheSmoothedLossExceedsFourTimesItsBest() {
    LossCurve curve = new LossCurve(0, 1, 4);
    curve.add(1, 1.0);
    curve.add(2, 0.5);
    curve.add(3, 2.0);
    assertThat(curve.stopReason()).isNull();
    curve.add(4, 2.01);
    assertThat(curve.stopReason()).isEqualTo(LrFinderResult.Ending.DIVERGED);
  }

  @Test
  void itStopsOnANaNOrInfiniteLoss() {
    LossCurve curve = new LossCurve(0.98, 5, 4);
    curve.add(1, 1.0);
    assertThat(curve.stopReason()).isNull();
    curve.add(2, Double.NaN);
    assertThat(curve.stopReason()).isEqualTo(LrFinderResult.Ending.NOT_A_NUMBER);

    LossCurve infinite = new LossCurve(0.98, 5, 4);
    infinite.add(1, Double.POSITIVE_INFINITY);
    assertThat(infinite.stopReason()).isEqualTo(LrFinderResult.Ending.NOT_A_NUMBER);
  }

  @Test
  void shortSweepsSmoothLessSoTheCurveDoesNotLagBehindTheRate() {
    assertThat(LossCurve.betaFor(1000)).isCloseTo(LossCurve.FASTAI_BETA, within(1e-12));
    assertThat(LossCurve.betaFor(100)).isCloseTo(0.9, within(1e-12));
    assertThat(LossCurve.betaFor(5)).isZero();
  }
}
