package dev.musket.engine.train.lrfinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.events.TrainingCancelledException;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The range test on {@link SoftmaxProblem}, whose good learning rate is known. */
@Timeout(120)
class LrRangeTestTest {

  private static final List<MultiDataSet> DATA = SoftmaxProblem.batches(100, 64, 3);

  /** The sweep two tests read (training is the slow part of these tests). */
  private static LrFinderResult decadeSweep;

  private static List<LrFinderPoint> decadeSweepSeen = new ArrayList<>();

  private static synchronized LrFinderResult decadeSweep() {
    if (decadeSweep == null) {
      decadeSweep = sweep(LrFinderSettings.of(1e-5, 10, 1), decadeSweepSeen::add);
    }
    return decadeSweep;
  }

  @BeforeAll
  static void floats() {
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
  }

  /** The mean loss over the last ten batches after one pass at a fixed rate. */
  private static double lossAfterTrainingAt(double lr) {
    ComputationGraph net = SoftmaxProblem.network(lr, 1);
    for (MultiDataSet ds : DATA) {
      net.fit(ds);
    }
    double sum = 0;
    for (MultiDataSet ds : DATA.subList(DATA.size() - 10, DATA.size())) {
      sum += net.score(ds);
    }
    return sum / 10;
  }

  private static LrFinderResult sweep(LrFinderSettings settings, LrFinderListener listener) {
    return sweep(settings, listener, DATA);
  }

  private static LrFinderResult sweep(
      LrFinderSettings settings, LrFinderListener listener, List<MultiDataSet> data) {
    return new LrRangeTest(settings)
        .run(
            SoftmaxProblem.network(settings.startLr(), 1),
            SoftmaxProblem.iterator(data),
            data.size(),
            listener,
            new CancellationToken());
  }

  @Test
  void theProblemTrainsWellAtOneHundredthAndDivergesAtOne() {
    double initial = SoftmaxProblem.network(0.01, 1).score(DATA.get(0));
    double good = lossAfterTrainingAt(1e-2);
    assertThat(good).isLessThan(initial / 3);
    assertThat(lossAfterTrainingAt(1)).isGreaterThan(initial);
    assertThat(lossAfterTrainingAt(1e-4)).isGreaterThan(good * 3);
  }

  @Test
  void theSuggestionLandsInTheDecadeOfTheGoodRate() {
    LrFinderResult result = decadeSweep();

    LrSuggestion s = result.suggestion().orElseThrow();
    assertThat(s.lr()).isBetween(1e-2, 1e-1);
    assertThat(s.rangeLow()).isLessThan(1e-2).isGreaterThan(1e-4);
    assertThat(s.rangeHigh()).isGreaterThanOrEqualTo(s.lr()).isLessThan(1);
    assertThat(s.minLossLr()).isBetween(s.rangeHigh(), 1.0);
  }

  @Test
  void theRateGrowsExponentiallyAndTheSweepStopsOnceTheLossDiverges() {
    LrFinderResult result = decadeSweep();
    List<LrFinderPoint> seen = decadeSweepSeen;

    assertThat(result.ending()).isEqualTo(LrFinderResult.Ending.DIVERGED);
    assertThat(result.points()).hasSizeLessThan(100).isEqualTo(seen);
    LrFinderPoint last = result.points().get(result.points().size() - 1);
    double best =
        result.points().stream().mapToDouble(LrFinderPoint::smoothedLoss).min().orElseThrow();
    assertThat(last.smoothedLoss()).isGreaterThan(4 * best);
    assertThat(result.points().get(0).lr()).isEqualTo(1e-5);
    double ratio = Math.pow(10 / 1e-5, 1.0 / 99);
    for (int i = 1; i < result.points().size(); i++) {
      assertThat(result.points().get(i).lr() / result.points().get(i - 1).lr())
          .isCloseTo(ratio, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void twoEpochsSweepTwiceTheBatchesFromStartToEnd() {
    List<Integer> planned = new ArrayList<>();
    LrFinderResult result =
        sweep(
            LrFinderSettings.of(1e-6, 1e-3, 2),
            new LrFinderListener() {
              @Override
              public void onStart(int plannedBatches) {
                planned.add(plannedBatches);
              }

              @Override
              public void onPoint(LrFinderPoint point) {}
            },
            DATA.subList(0, 10));

    assertThat(planned).containsExactly(20);
    assertThat(result.shortSweepHint(2))
        .hasValue(
            "only 20 batches: the curve is noisy at this length; epochs 10 spreads the sweep"
                + " over about 100");
    assertThat(decadeSweep().shortSweepHint(1)).isEmpty();
    assertThat(result.ending()).isEqualTo(LrFinderResult.Ending.COMPLETED);
    assertThat(result.points()).hasSize(20);
    assertThat(result.points().get(19).lr())
        .isCloseTo(1e-3, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aCancelledSweepStopsWithinABatch() {
    CancellationToken token = new CancellationToken();
    List<LrFinderPoint> seen = new ArrayList<>();
    assertThatThrownBy(
            () ->
                new LrRangeTest(LrFinderSettings.of(1e-5, 10, 1))
                    .run(
                        SoftmaxProblem.network(1e-5, 1),
                        SoftmaxProblem.iterator(DATA),
                        DATA.size(),
                        p -> {
                          seen.add(p);
                          if (seen.size() == 3) {
                            token.cancel();
                          }
                        },
                        token))
        .isInstanceOf(TrainingCancelledException.class);
    assertThat(seen).hasSize(3);
  }
}
