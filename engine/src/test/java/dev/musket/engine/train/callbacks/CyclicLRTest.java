package dev.musket.engine.train.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CyclicLRTest {

  private static List<Double> ratesOverBatches(CyclicLR clr, CallbackTesting t, int batches) {
    clr.onStageStart(t.context(100));
    List<Double> out = new ArrayList<>();
    out.add(t.lr.learningRate());
    for (int b = 0; b < batches; b++) {
      clr.onBatchEnd(b, 0.1);
      out.add(t.lr.learningRate());
    }
    return out;
  }

  @Test
  void triangularClimbsAndFallsEveryStepSize() {
    var t = new CallbackTesting(0.5);
    var clr = new CyclicLR(0.001, 0.006, 2, CyclicLR.Mode.TRIANGULAR, 1.0, null);

    List<Double> lrs = ratesOverBatches(clr, t, 8);

    double[] expected = {0.001, 0.0035, 0.006, 0.0035, 0.001, 0.0035, 0.006, 0.0035, 0.001};
    for (int i = 0; i < expected.length; i++) {
      assertThat(lrs.get(i)).as("after %d batches", i).isCloseTo(expected[i], within(1e-12));
    }
  }

  @Test
  void triangular2HalvesTheAmplitudeEachCycle() {
    var clr = new CyclicLR(0.001, 0.006, 2, CyclicLR.Mode.TRIANGULAR2, 1.0, null);

    assertThat(clr.rateAt(2)).isCloseTo(0.006, within(1e-12));
    assertThat(clr.rateAt(6)).isCloseTo(0.001 + 0.005 * 0.5, within(1e-12));
    assertThat(clr.rateAt(10)).isCloseTo(0.001 + 0.005 * 0.25, within(1e-12));
  }

  @Test
  void expRangeScalesByGammaToTheIteration() {
    var clr = new CyclicLR(0.001, 0.006, 2, CyclicLR.Mode.EXP_RANGE, 0.9, null);

    assertThat(clr.rateAt(1)).isCloseTo(0.001 + 0.005 * 0.5 * 0.9, within(1e-12));
    assertThat(clr.rateAt(2)).isCloseTo(0.001 + 0.005 * 0.81, within(1e-12));
    assertThat(clr.rateAt(6)).isCloseTo(0.001 + 0.005 * Math.pow(0.9, 6), within(1e-12));
  }

  @Test
  void aWrittenScaleModeChoosesTheScaleArgument() {
    var perCycle = new CyclicLR(0.001, 0.006, 2, CyclicLR.Mode.EXP_RANGE, 0.9, "cycle");

    // iteration 6 is in cycle 2: gamma^2
    assertThat(perCycle.rateAt(6)).isCloseTo(0.001 + 0.005 * 0.81, within(1e-12));
  }

  @Test
  void resumesMidCycle() {
    var t = new CallbackTesting(0.5);
    var before = new CyclicLR(0.001, 0.006, 2, CyclicLR.Mode.TRIANGULAR, 1.0, null);
    ratesOverBatches(before, t, 3);

    var after = new CyclicLR(0.001, 0.006, 2, CyclicLR.Mode.TRIANGULAR, 1.0, null);
    var t2 = new CallbackTesting(0.5);
    after.onStageStart(t2.context(100));
    after.restoreState(before.state());

    assertThat(after.iterations()).isEqualTo(3);
    assertThat(t2.lr.learningRate()).isCloseTo(0.0035, within(1e-12));
    after.onBatchEnd(3, 0.1);
    assertThat(t2.lr.learningRate()).isCloseTo(0.001, within(1e-12));
  }
}
