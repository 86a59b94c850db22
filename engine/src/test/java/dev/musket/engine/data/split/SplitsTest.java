package dev.musket.engine.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.engine.data.DataSet;
import dev.musket.engine.data.PredictionItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitsTest {
  @TempDir Path dir;

  /** n items; item i has class i % classes; positives are even indices. */
  static DataSet labels(int n, int classes) {
    return new DataSet() {
      public int size() {
        return n;
      }

      public PredictionItem item(int i) {
        throw new UnsupportedOperationException("splits never decode");
      }

      public String id(int i) {
        return "i" + i;
      }

      public float[][] target(int i) {
        float[] t = new float[classes];
        t[i % classes] = 1;
        return new float[][] {t};
      }

      public List<List<String>> classNames() {
        return List.of(IntStream.range(0, classes).mapToObj(Integer::toString).toList());
      }

      @Override
      public boolean isPositive(int i) {
        return i % 2 == 0;
      }
    };
  }

  @Test
  void holdoutKeepsMusketsRoundedShareForTrainingAndIsDeterministic() {
    // round(101 - 101 * 0.2) = round(80.8) = 81 train; Python rounds 2.5 to 2 (5 items at 0.5)
    Split a = Splitter.holdout(101, 0.2, 123, false, i -> 0);
    assertThat(a.heldOut()).hasSize(20);
    assertThat(a.train()).hasSize(81);
    assertThat(Splitter.holdout(5, 0.5, 123, false, i -> 0).train()).hasSize(2);
    assertThat(Splitter.holdout(101, 0.2, 123, false, i -> 0).heldOut()).isEqualTo(a.heldOut());
    assertThat(Splitter.holdout(101, 0.2, 124, false, i -> 0).heldOut()).isNotEqualTo(a.heldOut());
  }

  @Test
  void foldsPartitionThePoolIntoBalancedDisjointValidationSets() {
    int[] pool = IntStream.range(0, 23).toArray();
    List<Split> folds = Splitter.folds(pool, 5, 33, false, i -> 0);
    assertThat(folds).hasSize(5);
    int[] allVal = folds.stream().flatMapToInt(f -> Arrays.stream(f.heldOut())).sorted().toArray();
    assertThat(allVal).isEqualTo(pool);
    assertThat(folds.stream().mapToInt(f -> f.heldOut().length)).containsExactly(5, 5, 5, 4, 4);
    for (Split f : folds) {
      assertThat(f.train().length + f.heldOut().length).isEqualTo(23);
      assertThat(f.train()).doesNotContain(f.heldOut());
    }
  }

  @Test
  void stratifiedFoldsKeepClassProportions() {
    DataSet ds = labels(100, 4);
    List<Split> folds =
        Splitter.folds(IntStream.range(0, 100).toArray(), 5, 33, true, ds::stratifyClass);
    for (Split f : folds) {
      long[] perClass = new long[4];
      for (int i : f.heldOut()) {
        perClass[ds.stratifyClass(i)]++;
      }
      assertThat(perClass).containsOnly(5);
    }
  }

  @Test
  void tooManyFoldsIsAClearError() {
    assertThatThrownBy(() -> Splitter.folds(new int[] {1, 2}, 3, 1, false, i -> 0))
        .hasMessageContaining("folds_count 3 exceeds the 2 items");
  }

  @Test
  void oneFoldUsesValidationSplit() throws IOException {
    SplitSettings s = new SplitSettings(0, 123, 1, 33, false, 0.25);
    ExperimentSplits plan = ExperimentSplits.plan(labels(40, 2), s, dir.resolve("config.yaml"));
    assertThat(plan.folds()).hasSize(1);
    assertThat(plan.folds().get(0).heldOut()).hasSize(10);
  }

  @Test
  void splitsAreWrittenBesideTheConfigAndReusedOnRerun() throws IOException {
    Path config = dir.resolve("config.yaml");
    SplitSettings s = new SplitSettings(0.2, 123, 3, 33, false, 0.2);
    ExperimentSplits first = ExperimentSplits.plan(labels(30, 2), s, config);
    assertThat(first.holdout().heldOut()).hasSize(6);
    assertThat(dir.resolve("config.yaml.folds_split")).exists();
    assertThat(dir.resolve("config.yaml.holdout_split")).exists();
    // folds come only from the non-holdout items
    for (Split f : first.folds()) {
      assertThat(f.heldOut()).doesNotContain(first.holdout().heldOut());
    }
    // a rerun with other seeds still gets the saved splits
    SplitSettings otherSeeds = new SplitSettings(0.2, 999, 3, 999, false, 0.2);
    ExperimentSplits again = ExperimentSplits.plan(labels(30, 2), otherSeeds, config);
    assertThat(again.holdout().heldOut()).isEqualTo(first.holdout().heldOut());
    assertThat(again.folds().get(2).heldOut()).isEqualTo(first.folds().get(2).heldOut());
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void savedSplitsThatNoLongerFitAreRecomputed() throws IOException {
    Path config = dir.resolve("config.yaml");
    SplitSettings s = new SplitSettings(0, 123, 3, 33, false, 0.2);
    ExperimentSplits.plan(labels(30, 2), s, config);
    ExperimentSplits bigger = ExperimentSplits.plan(labels(45, 2), s, config);
    int total = bigger.folds().stream().mapToInt(f -> f.heldOut().length).sum();
    assertThat(total).isEqualTo(45);
  }

  @Test
  void sidecarFilesAreYamlListsOfIndexLists() throws IOException {
    Path f = dir.resolve("x.folds_split");
    SplitFiles.writeFolds(f, List.of(new Split(new int[] {0, 2}, new int[] {1})));
    assertThat(Files.readString(f)).isEqualTo("- - [0, 2]\n  - [1]\n");
    assertThat(SplitFiles.readFolds(f).orElseThrow().get(0).train()).containsExactly(0, 2);
  }

  @Test
  void negativesNoneRealAndRatio() {
    DataSet ds = labels(20, 2);
    int[] all = IntStream.range(0, 20).toArray();
    assertThat(Negatives.parse("none").select(all, ds)).hasSize(10);
    assertThat(Arrays.stream(Negatives.parse("none").select(all, ds)).allMatch(i -> i % 2 == 0))
        .isTrue();
    assertThat(Negatives.parse("real").select(all, ds)).hasSize(20);
    int[] half = Negatives.parse(0.5).select(all, ds);
    assertThat(half).hasSize(15);
    assertThat(Negatives.parse(0.5).select(all, ds)).isEqualTo(half);
    assertThatThrownBy(() -> Negatives.parse("some")).hasMessageContaining("'some'");
  }
}
