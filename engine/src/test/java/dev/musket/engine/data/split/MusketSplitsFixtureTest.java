package dev.musket.engine.data.split;

import static dev.musket.engine.data.split.SplitFixtures.integer;
import static dev.musket.engine.data.split.SplitFixtures.ints;
import static dev.musket.engine.data.split.SplitFixtures.longValue;
import static dev.musket.engine.data.split.SplitFixtures.number;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.engine.data.DataSet;
import dev.musket.engine.data.PredictionItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The splits against Python Musket's own code paths ({@code musket-splits.json}: {@code
 * make_split_fixtures.py} runs Musket's lines from {@code musket_core/splits.py} and {@code
 * datasets.py} with Python 3.11 and scikit-learn 1.2.1): the holdout by Python's {@code random}
 * with Musket's rounding, the stratified holdout ({@code StratifiedShuffleSplit}), and whole
 * experiments: the holdout, then the folds numbered by position in the holdout's training part, and
 * the stratified {@code folds_count: 1} split.
 */
class MusketSplitsFixtureTest {
  private static final Map<String, Object> FIXTURE = SplitFixtures.load("musket-splits.json");

  @TempDir Path dir;

  static Stream<Arguments> approximateMode() {
    return SplitFixtures.cases(FIXTURE, "approximate_mode");
  }

  static Stream<Arguments> holdout() {
    return SplitFixtures.cases(FIXTURE, "holdout");
  }

  static Stream<Arguments> stratifiedHoldout() {
    return SplitFixtures.cases(FIXTURE, "stratified_holdout");
  }

  static Stream<Arguments> experiments() {
    return SplitFixtures.cases(FIXTURE, "experiments");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("approximateMode")
  void approximateModeIsScikitLearns(String name, Map<String, Object> c) {
    int[] mode =
        StratifiedShuffle.approximateMode(
            ints(c.get("counts")), integer(c, "draws"), new NumpyRandomState(longValue(c, "seed")));
    assertThat(mode).isEqualTo(ints(c.get("mode")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("holdout")
  void holdoutIsMusketsPythonRandomShuffle(String name, Map<String, Object> c) {
    Split split =
        Splitter.holdout(
            integer(c, "n"), number(c, "testSplit"), longValue(c, "seed"), false, i -> 0);
    // in Musket's order: the order of the training part numbers the folds made after it
    assertThat(split.train()).isEqualTo(ints(c.get("train")));
    assertThat(split.heldOut()).isEqualTo(ints(c.get("test")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stratifiedHoldout")
  void stratifiedHoldoutIsMusketsStratifiedShuffleSplit(String name, Map<String, Object> c) {
    int[] classes = ints(c.get("classes"));
    Split split =
        Splitter.holdout(
            classes.length, number(c, "testSplit"), longValue(c, "seed"), true, i -> classes[i]);
    assertThat(split.train()).isEqualTo(ints(c.get("train")));
    assertThat(split.heldOut()).isEqualTo(ints(c.get("test")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("experiments")
  @SuppressWarnings("unchecked")
  void experimentSplitsAreMuskets(String name, Map<String, Object> c) throws IOException {
    DataSet ds = withClasses(classesOf(c));
    SplitSettings s =
        new SplitSettings(
            number(c, "testSplit"),
            longValue(c, "testSplitSeed"),
            integer(c, "folds_count"),
            longValue(c, "random_state"),
            (Boolean) c.get("stratified"),
            number(c, "validationSplit"));
    Path config = dir.resolve("config.yaml");

    ExperimentSplits peeked = ExperimentSplits.peek(ds, s, config);
    ExperimentSplits planned = ExperimentSplits.plan(ds, s, config);

    int[] holdoutTrain = ints(c.get("holdout_train"));
    int[] holdout = ints(c.get("holdout"));
    List<Map<String, Object>> folds = (List<Map<String, Object>>) c.get("folds");
    for (ExperimentSplits splits : List.of(peeked, planned)) {
      assertThat(splits.holdout().heldOut()).isEqualTo(SplitFixtures.sorted(holdout));
      assertThat(splits.holdout().train()).isEqualTo(SplitFixtures.sorted(holdoutTrain));
      assertThat(splits.folds()).hasSameSizeAs(folds);
      for (int f = 0; f < folds.size(); f++) {
        assertThat(splits.folds().get(f).heldOut())
            .as("fold %d validation", f)
            .isEqualTo(ints(folds.get(f).get("test")));
        assertThat(splits.folds().get(f).train())
            .as("fold %d training", f)
            .isEqualTo(ints(folds.get(f).get("train")));
      }
    }
    if (holdout.length > 0) {
      // the holdout file lists both parts in Musket's order, as Musket's own file does, so folds
      // recomputed from it later (another folds_count) are still Musket's
      Split saved = SplitFiles.readHoldout(SplitFiles.holdoutFile(config)).orElseThrow();
      assertThat(saved.train()).isEqualTo(holdoutTrain);
      assertThat(saved.heldOut()).isEqualTo(holdout);
    }
  }

  @Test
  void foldsRecomputedFromASavedHoldoutAreTheSameAsFromAFreshOne() throws IOException {
    Map<String, Object> c = experiment("holdout, then 5 folds");
    DataSet ds = withClasses(classesOf(c));
    SplitSettings s = new SplitSettings(0.2, 123, 5, 33, false, 0.2);
    Path config = dir.resolve("config.yaml");
    List<Split> fresh = ExperimentSplits.plan(ds, s, config).folds();

    // the folds file goes (say folds_count was changed and changed back): the holdout file stays
    Files.delete(SplitFiles.foldsFile(config));
    List<Split> again = ExperimentSplits.plan(ds, s, config).folds();

    for (int f = 0; f < 5; f++) {
      assertThat(again.get(f).heldOut()).isEqualTo(fresh.get(f).heldOut());
    }
  }

  @Test
  void aSplitFileFromBeforeIsKeptAsItIs() throws IOException {
    // an older engine wrote train_test_split's holdout, sorted; a rerun keeps it and its folds
    Path config = dir.resolve("config.yaml");
    int[] oldHeld = {0, 3, 7, 11, 19, 22, 28, 29};
    int[] oldTrain =
        IntStream.range(0, 40).filter(i -> Arrays.binarySearch(oldHeld, i) < 0).toArray();
    SplitFiles.writeHoldout(SplitFiles.holdoutFile(config), new Split(oldTrain, oldHeld));
    List<Split> oldFolds = Splitter.folds(oldTrain, 4, 33, false, i -> 0);
    SplitFiles.writeFolds(SplitFiles.foldsFile(config), oldFolds);

    ExperimentSplits splits =
        ExperimentSplits.plan(
            withClasses(new int[40]), new SplitSettings(0.2, 123, 4, 33, false, 0.2), config);

    assertThat(splits.holdout().heldOut()).isEqualTo(oldHeld);
    for (int f = 0; f < 4; f++) {
      assertThat(splits.folds().get(f).heldOut()).isEqualTo(oldFolds.get(f).heldOut());
    }
    assertThat(SplitFiles.readHoldout(SplitFiles.holdoutFile(config)).orElseThrow().train())
        .isEqualTo(oldTrain);
  }

  @Test
  void stratifiedHoldoutErrorsSayWhatToChange() {
    assertThatThrownBy(() -> Splitter.holdout(10, 0.2, 1, true, i -> i == 0 ? 1 : 0))
        .hasMessageContaining("stratified testSplit")
        .hasMessageContaining("only 1 member")
        .hasMessageContaining("stratified: false");
    assertThatThrownBy(() -> Splitter.holdout(12, 0.05, 1, true, i -> i % 3))
        .hasMessageContaining("1 held-out items for 3 classes");
    assertThatThrownBy(() -> Splitter.holdout(12, 0.2, -1, true, i -> i % 2))
        .hasMessageContaining("testSplitSeed -1");
    assertThatThrownBy(
            () -> Splitter.validation(IntStream.range(0, 3).toArray(), 0.9, 1, true, i -> 0))
        .hasMessageContaining("validationSplit leaves 0 of 3 items for training");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> experiment(String name) {
    return ((List<Map<String, Object>>) FIXTURE.get("experiments"))
        .stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow();
  }

  private static int[] classesOf(Map<String, Object> c) {
    return c.containsKey("classes") ? ints(c.get("classes")) : new int[integer(c, "n")];
  }

  /** Items whose only target is {@code classes[i]} (-1: no class set). */
  static DataSet withClasses(int[] classes) {
    int count = Arrays.stream(classes).max().orElse(0) + 1;
    return new DataSet() {
      public int size() {
        return classes.length;
      }

      public PredictionItem item(int i) {
        throw new UnsupportedOperationException("splits never decode");
      }

      public String id(int i) {
        return "i" + i;
      }

      public float[][] target(int i) {
        float[] t = new float[count];
        if (classes[i] >= 0) {
          t[classes[i]] = 1;
        }
        return new float[][] {t};
      }

      public List<List<String>> classNames() {
        return List.of(IntStream.range(0, count).mapToObj(Integer::toString).toList());
      }
    };
  }
}
