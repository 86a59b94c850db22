package dev.musket.app.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChartDataTest {

  @Test
  void aLongRunsPerBatchSeriesStaysCappedAndKeepsItsShape() {
    ChartData data = new ChartData();
    int batches = 10_000;
    for (int i = 0; i < batches; i++) {
      data.addBatch(0, 0, i / 100, i < batches / 2 ? 2.0 : 1.0, 0.01);
    }

    ChartSeries raw = data.chart(ChartData.BATCH_LOSS).series().get(0);
    assertThat(raw.size()).isLessThanOrEqualTo(ChartSeries.MAX_SAMPLED).isGreaterThan(1000);
    assertThat(raw.generation()).isPositive();
    assertThat(raw.stride()).isEqualTo(8);
    // x still counts batches; the first half's level and the second's survive the averaging
    assertThat(raw.x(raw.size() - 1)).isGreaterThan(batches - 8);
    assertThat(raw.y(0)).isEqualTo(2.0);
    assertThat(raw.y(raw.size() - 1)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void epochRowsAreAddedOncePerFoldStageAndEpoch() {
    ChartData data = new ChartData();
    data.addEpoch(0, 0, 0, java.util.Map.of("loss", 1.0));
    data.addEpoch(0, 0, 0, java.util.Map.of("loss", 1.0));
    data.addEpoch(0, 1, 0, java.util.Map.of("loss", 0.5));

    assertThat(data.chart(ChartData.LOSS).series())
        .extracting(ChartSeries::size)
        .containsExactly(1, 1);
  }
}
