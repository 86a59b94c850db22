package dev.musket.engine.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TtaViewTest {

  private static float[] flat(INDArray x) {
    return Nd4j.toFlattened('c', x).toFloatVector();
  }

  /** One 2-channel 2x3 image: channel 0 holds 0..5 row-major, channel 1 holds 10..15. */
  private static INDArray batch() {
    float[] v = {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15};
    return Nd4j.create(v, new long[] {1, 2, 2, 3}, 'c');
  }

  @Test
  void horizontalMirrorsEachRowOfEveryChannel() {
    INDArray out = new TtaView(true, false, 0).apply(batch());

    assertThat(flat(out)).containsExactly(2, 1, 0, 5, 4, 3, 12, 11, 10, 15, 14, 13);
  }

  @Test
  void verticalTurnsTheRowsUpsideDown() {
    INDArray out = new TtaView(false, true, 0).apply(batch());

    assertThat(flat(out)).containsExactly(3, 4, 5, 0, 1, 2, 13, 14, 15, 10, 11, 12);
  }

  @Test
  void aQuarterTurnIsClockwiseAndFourAreTheIdentity() {
    INDArray square = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {1, 1, 2, 2}, 'c');

    // 1 2      3 1
    // 3 4  ->  4 2
    assertThat(flat(new TtaView(false, false, 1).apply(square))).containsExactly(3, 1, 4, 2);
    INDArray x = square;
    for (int i = 0; i < 4; i++) {
      x = new TtaView(false, false, 1).apply(x);
    }
    assertThat(flat(x)).containsExactly(1, 2, 3, 4);
  }

  @Test
  void theInputIsLeftUntouched() {
    INDArray in = batch();
    new TtaView(true, true, 0).apply(in);

    assertThat(flat(in)).containsExactly(flat(batch()));
  }

  @Test
  void flipsAndRotationsAreTheEightDistinctSymmetriesOfTheSquare() {
    INDArray square =
        Nd4j.create(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, new long[] {1, 1, 3, 3}, 'c');
    Set<List<Float>> distinct = new HashSet<>();
    for (TtaView v : TtaMode.FLIPS_AND_ROTATIONS.views()) {
      float[] f = flat(v.apply(square));
      distinct.add(List.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]));
    }

    assertThat(TtaMode.FLIPS_AND_ROTATIONS.views()).hasSize(8);
    assertThat(distinct).hasSize(8);
    assertThat(TtaMode.HORIZONTAL_AND_VERTICAL.views()).hasSize(4);
    assertThat(TtaMode.HORIZONTAL.views())
        .containsExactly(TtaView.IDENTITY, new TtaView(true, false, 0));
  }

  @Test
  void rotatingANonSquareInputIsRefused() {
    assertThatThrownBy(() -> new TtaView(false, false, 1).apply(batch()))
        .hasMessageContaining("square input, got 2x3");
  }

  @Test
  void modeNamesFollowMusket() {
    assertThat(TtaMode.parse(null)).isEqualTo(TtaMode.NONE);
    assertThat(TtaMode.parse("Horizontal")).isEqualTo(TtaMode.HORIZONTAL);
    assertThat(TtaMode.parse("horizontal_and_vertical")).isEqualTo(TtaMode.HORIZONTAL_AND_VERTICAL);
    assertThat(TtaMode.parse("flips_and_rotations")).isEqualTo(TtaMode.FLIPS_AND_ROTATIONS);
    assertThat(TtaMode.parse("anything")).isEqualTo(TtaMode.FLIPS_AND_ROTATIONS);
  }
}
