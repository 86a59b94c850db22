package dev.musket.engine.train.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LRVariatorTest {

  /** The rate after every batch of {@code epochs} epochs of {@code steps} batches. */
  private static List<Double> rates(TrainingCallback cb, CallbackTesting t, int epochs, int steps) {
    cb.onStageStart(t.context(steps));
    List<Double> out = new ArrayList<>();
    for (int e = 0; e < epochs; e++) {
      cb.onEpochStart(e);
      for (int b = 0; b < steps; b++) {
        cb.onBatchStart(b);
        cb.onBatchEnd(b, 0.1);
        out.add(t.lr.learningRate());
      }
    }
    return out;
  }

  private static void assertRates(List<Double> actual, double... expected) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual.get(i)).as("after batch %d", i).isCloseTo(expected[i], within(1e-12));
    }
  }

  private static LRVariator variator(
      Double from, double to, Object style, Double relSize, Integer absSize) {
    return new LRVariator(from, to, LrCurve.parse(style), relSize, absSize, null, null, null);
  }

  @Test
  void linearMovesFromFromValToToValOverTheWindowThenLeavesTheRate() {
    var t = new CallbackTesting(0.5);
    var v = variator(0.01, 0.0, "linear", null, 5);

    assertRates(rates(v, t, 1, 7), 0.01, 0.0075, 0.005, 0.0025, 0.0, 0.0, 0.0);
  }

  @Test
  void fromValDefaultsToTheRateInForceAtTheFirstBatch() {
    var t = new CallbackTesting(0.004);
    var v = variator(null, 0.002, "linear", null, 3);

    assertRates(rates(v, t, 1, 3), 0.004, 0.003, 0.002);
  }

  @Test
  void everyNamedStyleFollowsMusketsFormula() {
    double h = Math.sqrt(0.5); // sin(pi/4) = cos(pi/4)
    assertRates(rates(variator(0.0, 1.0, "const", null, 3), new CallbackTesting(1), 1, 3), 0, 0, 0);
    assertRates(rates(variator(0.0, 1.0, "sin", null, 3), new CallbackTesting(1), 1, 3), 0, h, 1);
    assertRates(rates(variator(0.0, 1.0, "sin+", null, 3), new CallbackTesting(1), 1, 3), 0, h, 1);
    assertRates(
        rates(variator(0.0, 1.0, "sin-", null, 3), new CallbackTesting(1), 1, 3), 1, 1 - h, 0);
    assertRates(rates(variator(0.0, 1.0, "cos", null, 3), new CallbackTesting(1), 1, 3), 1, h, 0);
    assertRates(rates(variator(0.0, 1.0, "cos-", null, 3), new CallbackTesting(1), 1, 3), 1, h, 0);
    assertRates(
        rates(variator(0.0, 1.0, "cos+", null, 3), new CallbackTesting(1), 1, 3), 0, 1 - h, 1);
  }

  @Test
  void aNumberStyleIsAPower() {
    assertRates(rates(variator(0.0, 1.0, 2L, null, 3), new CallbackTesting(1), 1, 3), 0, 0.25, 1);
    assertRates(
        rates(variator(0.0, 1.0, 0.5, null, 5), new CallbackTesting(1), 1, 5),
        0,
        0.5,
        Math.sqrt(0.5),
        Math.sqrt(0.75),
        1);
  }

  @Test
  void theRateNeverGoesBelowZero() {
    var v = variator(0.001, -1.0, "linear", null, 2);

    assertRates(rates(v, new CallbackTesting(1), 1, 2), 0.001, 0.0);
  }

  @Test
  void relSizeIsMeasuredInEpochsRoundedToBatches() {
    // 0.5 epochs of 10 batches = 5 batches
    var v = variator(0.0, 0.4, "linear", 0.5, null);

    List<Double> lrs = rates(v, new CallbackTesting(9), 1, 10);

    assertRates(lrs.subList(0, 6), 0.0, 0.1, 0.2, 0.3, 0.4, 0.4);
  }

  @Test
  void periodStepsRepeatsTheWindow() {
    var v = new LRVariator(0.0, 0.3, LrCurve.parse("linear"), null, 4, null, 6, null);

    // steps 0..3 in the window, 4 and 5 keep the rate, then the cycle restarts
    assertRates(
        rates(v, new CallbackTesting(9), 1, 9), 0.0, 0.1, 0.2, 0.3, 0.3, 0.3, 0.0, 0.1, 0.2);
  }

  @Test
  void periodEpochsRepeatsTheWindowEveryEpoch() {
    var v = new LRVariator(0.0, 0.1, LrCurve.parse("linear"), null, 2, 1.0, null, null);

    assertRates(rates(v, new CallbackTesting(9), 2, 3), 0.0, 0.1, 0.1, 0.0, 0.1, 0.1);
  }

  @Test
  void thenStartsWhereTheWindowEndsFromTheRateItLeft() {
    var second = new LRVariator(null, 0.0, LrCurve.parse("linear"), null, 2, null, null, null);
    var first = new LRVariator(0.001, 0.002, LrCurve.parse("linear"), null, 3, null, null, second);

    assertRates(rates(first, new CallbackTesting(9), 1, 6), 0.001, 0.0015, 0.002, 0.002, 0.0, 0.0);
  }

  @Test
  void aChainedWindowInheritsThePeriod() {
    var second = new LRVariator(0.5, 0.5, LrCurve.parse("const"), null, 2, null, null, null);
    var first = new LRVariator(0.1, 0.1, LrCurve.parse("const"), null, 2, null, 4, second);

    assertRates(rates(first, new CallbackTesting(9), 1, 8), 0.1, 0.1, 0.5, 0.5, 0.1, 0.1, 0.5, 0.5);
  }

  @Test
  void thenMayBeAnyCallbackAndSeesEveryEpoch() {
    var plateau = new ReduceLROnPlateau("val_loss", 0.5, 0, "min", 0, 0, 0);
    var v = new LRVariator(0.1, 0.1, LrCurve.parse("const"), null, 1, null, null, plateau);
    var t = new CallbackTesting(0.1);
    v.onStageStart(t.context(1));
    v.onEpochStart(0);
    v.onBatchStart(0);
    v.onBatchEnd(0, 1);
    v.onEpochEnd(0, CallbackTesting.row("val_loss", 1.0));
    v.onEpochEnd(1, CallbackTesting.row("val_loss", 1.0));

    assertThat(t.lr.learningRate()).isCloseTo(0.05, within(1e-12));
  }

  @Test
  void stateKeepsTheCapturedFromValAndTheChainsState() {
    var plateau = new ReduceLROnPlateau("val_loss", 0.5, 3, "min", 0, 0, 0);
    var v = new LRVariator(null, 0.0, LrCurve.parse("linear"), null, 4, null, null, plateau);
    var t = new CallbackTesting(0.008);
    rates(v, t, 1, 2);
    v.onEpochEnd(0, CallbackTesting.row("val_loss", 2.0));

    var resumed =
        new LRVariator(
            null,
            0.0,
            LrCurve.parse("linear"),
            null,
            4,
            null,
            null,
            new ReduceLROnPlateau("val_loss", 0.5, 3, "min", 0, 0, 0));
    var t2 = new CallbackTesting(0.123);
    resumed.onStageStart(t2.context(4));
    resumed.restoreState(v.state());
    resumed.onEpochStart(0);
    resumed.onBatchStart(3);
    resumed.onBatchEnd(3, 0.1);

    assertThat(t2.lr.learningRate()).isCloseTo(0.0, within(1e-12));
    assertThat(resumed.state()).isEqualTo(v.state());
  }

  @Test
  void refusesAmbiguousOrMissingWindows() {
    assertThatThrownBy(() -> variator(null, 0.1, "linear", null, null))
        .hasMessageContaining("'absSize' or 'relSize' must be specified");
    assertThatThrownBy(() -> variator(null, 0.1, "linear", 1.0, 3))
        .hasMessageContaining("mutually exclusive");
    assertThatThrownBy(
            () -> new LRVariator(null, 0.1, LrCurve.parse("linear"), null, 3, 1.0, 3, null))
        .hasMessageContaining("'periodEpochs' and 'periodSteps' are mutually exclusive");
  }

  @Test
  void refusesUnknownStylesWithTheChoices() {
    assertThatThrownBy(() -> LrCurve.parse("tanh"))
        .hasMessageContaining("'linear'")
        .hasMessageContaining("tanh");
    assertThatThrownBy(() -> LrCurve.parse(-1L)).hasMessageContaining("positive number");
    assertThat(LrCurve.parse("2").at(0.5)).isEqualTo(0.25);
  }
}
