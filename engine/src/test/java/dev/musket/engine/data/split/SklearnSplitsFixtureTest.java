package dev.musket.engine.data.split;

import static dev.musket.engine.data.split.SplitFixtures.integer;
import static dev.musket.engine.data.split.SplitFixtures.ints;
import static dev.musket.engine.data.split.SplitFixtures.sorted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The splitter against scikit-learn's own output ({@code sklearn-splits.json}, written by {@code
 * make_split_fixtures.py} beside it with scikit-learn 1.2.1 / numpy 1.24.2): KFold, StratifiedKFold
 * (the algorithm of scikit-learn 0.22 and later) and train_test_split (the {@code folds_count: 1}
 * split; the holdout is Musket's own, {@link MusketSplitsFixtureTest}), index for index. Python is
 * needed only to regenerate the fixture, never to run this test.
 */
class SklearnSplitsFixtureTest {

  private static final Map<String, Object> FIXTURE = SplitFixtures.load("sklearn-splits.json");

  private static Stream<Arguments> cases(String kind) {
    return SplitFixtures.cases(FIXTURE, kind);
  }

  static Stream<Arguments> kfold() {
    return cases("kfold");
  }

  static Stream<Arguments> stratifiedKfold() {
    return cases("stratified_kfold");
  }

  static Stream<Arguments> trainTestSplit() {
    return cases("train_test_split");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kfold")
  void kFoldIsScikitLearnsKFold(String name, Map<String, Object> c) {
    int n = integer(c, "n");
    List<Split> folds =
        Splitter.folds(IntStream.range(0, n).toArray(), integer(c, "k"), seed(c), false, i -> 0);
    assertSameFolds(folds, c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stratifiedKfold")
  void stratifiedKFoldIsScikitLearnsStratifiedKFold(String name, Map<String, Object> c) {
    int[] classes = ints(c.get("classes"));
    List<Split> folds =
        Splitter.folds(
            IntStream.range(0, classes.length).toArray(),
            integer(c, "k"),
            seed(c),
            true,
            i -> classes[i]);
    assertSameFolds(folds, c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trainTestSplit")
  void validationSplitIsScikitLearnsTrainTestSplit(String name, Map<String, Object> c) {
    // folds_count: 1 is Musket's train_test_split(list(indexes), test_size=validationSplit)
    Split validation =
        Splitter.validation(
            IntStream.range(0, integer(c, "n")).toArray(),
            ((Number) c.get("test_size")).doubleValue(),
            seed(c),
            false,
            i -> 0);
    assertThat(validation.heldOut()).isEqualTo(sorted(ints(c.get("test"))));
    assertThat(validation.train()).isEqualTo(sorted(ints(c.get("train"))));
  }

  @Test
  void theFixtureCoversTheCasesThatDiffer() {
    // a class smaller than k, a label -1, labels not in sorted order of appearance
    assertThat(cases("stratified_kfold").count()).isGreaterThanOrEqualTo(8);
    assertThat(FIXTURE.get("sklearn")).isEqualTo("1.2.1");
  }

  @Test
  void stratifiedFoldsOverASubsetUseTheSubsetsClassesAndMapBackToDatasetIndices() {
    // the positions sklearn splits are the pool's; the engine reports the pool's dataset indices
    @SuppressWarnings("unchecked")
    Map<String, Object> c = ((List<Map<String, Object>>) FIXTURE.get("stratified_kfold")).get(1);
    int[] classes = ints(c.get("classes"));
    int[] pool = IntStream.range(0, classes.length).map(i -> 1000 + 3 * i).toArray();
    List<Split> folds =
        Splitter.folds(pool, integer(c, "k"), seed(c), true, i -> classes[(i - 1000) / 3]);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> expected = (List<Map<String, Object>>) c.get("folds");
    for (int f = 0; f < folds.size(); f++) {
      int[] test = Arrays.stream(ints(expected.get(f).get("test"))).map(p -> pool[p]).toArray();
      assertThat(folds.get(f).heldOut()).isEqualTo(test);
    }
  }

  @Test
  void stratifiedFoldsBeyondEveryClassSizeAreAClearError() {
    assertThatThrownBy(
            () -> Splitter.folds(IntStream.range(0, 6).toArray(), 4, 1, true, i -> i % 2))
        .hasMessageContaining("stratified folds_count 4 exceeds the members of every class")
        .hasMessageContaining("the largest has 3");
  }

  private static long seed(Map<String, Object> c) {
    return SplitFixtures.longValue(c, "seed");
  }

  private static void assertSameFolds(List<Split> folds, Map<String, Object> c) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> expected = (List<Map<String, Object>>) c.get("folds");
    assertThat(folds).hasSameSizeAs(expected);
    for (int f = 0; f < folds.size(); f++) {
      assertThat(folds.get(f).heldOut())
          .as("fold %d validation", f)
          .isEqualTo(ints(expected.get(f).get("test")));
      assertThat(folds.get(f).train())
          .as("fold %d training", f)
          .isEqualTo(ints(expected.get(f).get("train")));
    }
  }
}
