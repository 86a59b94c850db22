package dev.musket.engine.data.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Expected values computed with numpy 2.4 ({@code np.random.RandomState(seed).permutation(n)}). */
class NumpyCompatibilityTest {

  @Test
  void permutationsMatchNumpysLegacyRandomState() {
    assertThat(new NumpyRandomState(33).permutation(10))
        .containsExactly(8, 3, 5, 9, 1, 6, 2, 0, 7, 4);
    assertThat(new NumpyRandomState(123).permutation(25))
        .containsExactly(
            5, 21, 22, 18, 15, 8, 7, 11, 4, 3, 24, 12, 16, 9, 14, 20, 0, 1, 10, 19, 17, 6, 23, 2,
            13);
    int[] big = new NumpyRandomState(0).permutation(1000);
    assertThat(java.util.Arrays.copyOf(big, 8))
        .containsExactly(993, 859, 298, 553, 672, 971, 27, 231);
  }

  @Test
  void kFoldMatchesScikitLearnsShuffledKFold() {
    // KFold(5, shuffle=True, random_state=33) on 10 items: consecutive chunks of the permutation
    List<Split> folds = Splitter.folds(IntStream.range(0, 10).toArray(), 5, 33, false, i -> 0);
    assertThat(folds.get(0).heldOut()).containsExactly(3, 8);
    assertThat(folds.get(1).heldOut()).containsExactly(5, 9);
    assertThat(folds.get(4).heldOut()).containsExactly(4, 7);
  }

  @Test
  void validationSplitMatchesTrainTestSplit() {
    // train_test_split(range(25), test_size=0.2, random_state=123): test = permutation[:5]
    int[] all = IntStream.range(0, 25).toArray();
    assertThat(Splitter.validation(all, 0.2, 123, false, i -> 0).heldOut())
        .containsExactly(5, 15, 18, 21, 22);
  }
}
