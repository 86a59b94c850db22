package dev.musket.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.musket.engine.augment.AugmenterTreeBuilder;
import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.YamlTrees;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.MultiDataSet;

class AugmentedBatchIteratorTest {

  /** n gray 6x4 images; item i is filled with value 10 * i; two outputs (class i % 2, i % 3). */
  static DataSet memory(int n, int badIndex) {
    return new DataSet() {
      public int size() {
        return n;
      }

      public PredictionItem item(int i) {
        if (i == badIndex) {
          throw new BadImageException(Path.of("img" + i + ".png"), i, "not found", null);
        }
        return new PredictionItem(id(i), TestData.solid(6, 4, 1, 10 * i), target(i));
      }

      public String id(int i) {
        return "i" + i;
      }

      public float[][] target(int i) {
        float[] a = new float[2];
        a[i % 2] = 1;
        float[] b = new float[3];
        b[i % 3] = 1;
        return new float[][] {a, b};
      }

      public List<List<String>> classNames() {
        return List.of(List.of("a", "b"), List.of("x", "y", "z"));
      }
    };
  }

  static ImagePipeline pipeline(String augmentation) {
    var aug =
        new AugmenterTreeBuilder(Path.of("."))
            .build(YamlTrees.parse(augmentation, Path.of("t.yaml")))
            .orThrow();
    return new ImagePipeline(6, 4, 3, false, ImagePipeline.NONE, aug);
  }

  static int[] range(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }

  @Test
  void batchesAreNchwScaledToUnitRangeWithOneLabelArrayPerOutput() {
    try (var it =
        new AugmentedBatchIterator(
            memory(5, -1),
            range(5),
            pipeline("Fliplr: 0"),
            new LoaderSettings(2, 2, 2, false, 1))) {
      MultiDataSet b = it.next();
      assertThat(b.getFeatures(0).shape()).containsExactly(2, 3, 6, 4);
      assertThat(b.getFeatures(0).getFloat(1, 2, 5, 3)).isEqualTo(10 / 255f);
      assertThat(b.getLabels()).hasSize(2);
      assertThat(b.getLabels(0).toFloatMatrix()).isEqualTo(new float[][] {{1, 0}, {0, 1}});
      assertThat(b.getLabels(1).shape()).containsExactly(2, 3);
      it.next();
      MultiDataSet last = it.next();
      assertThat(last.getFeatures(0).size(0)).isEqualTo(1);
      assertThat(it.hasNext()).isFalse();
      assertThat(it.batchesPerEpoch()).isEqualTo(3);
    }
  }

  @Test
  void resultsAreBitIdenticalWhateverTheThreadCount() {
    String aug = "Affine: {rotate: [-40, 40]}\nAdd: [-30, 30]\nAdditiveGaussianNoise: {scale: 5}";
    float[][] one = epochFeatures(new LoaderSettings(3, 1, 1, true, 7), aug);
    float[][] many = epochFeatures(new LoaderSettings(3, 4, 3, true, 7), aug);
    assertThat(many).isEqualTo(one);
    float[][] otherSeed = epochFeatures(new LoaderSettings(3, 4, 3, true, 8), aug);
    assertThat(otherSeed).isNotEqualTo(one);
  }

  private static float[][] epochFeatures(LoaderSettings s, String aug) {
    try (var it = new AugmentedBatchIterator(memory(10, -1), range(10), pipeline(aug), s)) {
      List<float[]> out = new java.util.ArrayList<>();
      while (it.hasNext()) {
        out.add(it.next().getFeatures(0).data().asFloat());
      }
      return out.toArray(new float[0][]);
    }
  }

  @Test
  void resetStartsANewShuffledEpoch() {
    try (var it =
        new AugmentedBatchIterator(
            memory(12, -1),
            range(12),
            pipeline("Fliplr: 0"),
            new LoaderSettings(12, 2, 1, true, 3))) {
      float[] first = it.next().getLabels(1).data().asFloat();
      it.reset();
      assertThat(it.epoch()).isEqualTo(1);
      float[] second = it.next().getLabels(1).data().asFloat();
      assertThat(second).isNotEqualTo(first);
    }
  }

  @Test
  void validationKeepsDatasetOrderAndSkipsAugmentation() {
    try (var it =
        new AugmentedBatchIterator(
            memory(4, -1), range(4), pipeline("Add: 100"), new LoaderSettings(4, 2, 1, false, 3))) {
      MultiDataSet b = it.next();
      assertThat(b.getFeatures(0).getFloat(3, 0, 0, 0)).isEqualTo(30 / 255f);
    }
  }

  @Test
  void aBadImageStopsTheEpochNamingTheFile() {
    try (var it =
        new AugmentedBatchIterator(
            memory(6, 4), range(6), pipeline("Fliplr: 0"), new LoaderSettings(2, 2, 2, false, 1))) {
      it.next();
      it.next();
      assertThatThrownBy(it::next)
          .isInstanceOf(BadImageException.class)
          .hasMessageContaining("img4.png")
          .hasMessageContaining("dataset index 4");
    }
  }

  @Test
  void onlyTheGivenIndicesAreServed() {
    try (var it =
        new AugmentedBatchIterator(
            memory(10, 3),
            new int[] {1, 5, 7},
            pipeline("Fliplr: 0"),
            new LoaderSettings(8, 2, 1, false, 1))) {
      MultiDataSet b = it.next();
      assertThat(b.getFeatures(0).size(0)).isEqualTo(3);
      assertThat(b.getFeatures(0).getFloat(2, 0, 0, 0)).isEqualTo(70 / 255f);
      assertThat(HwcImage.class).isNotNull();
    }
  }
}
