package dev.musket.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.augment.HwcImage;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImagePipelineTest {

  @Test
  void grayImagesBecomeRgbAndAreResizedToShape() {
    ImagePipeline p = new ImagePipeline(8, 6, 3, false, ImagePipeline.NONE, ImagePipeline.NONE);
    HwcImage out = p.prepare(TestData.solid(20, 30, 1, 90), true, new SplittableRandom(1));
    assertThat(new int[] {out.height(), out.width(), out.channels()}).containsExactly(8, 6, 3);
    assertThat(out.get(4, 3, 2)).isEqualTo(90);
  }

  @Test
  void manualResizeKeepsTheSize() {
    ImagePipeline p = new ImagePipeline(8, 6, 1, true, ImagePipeline.NONE, ImagePipeline.NONE);
    HwcImage out = p.prepare(TestData.solid(20, 30, 4, 90), true, new SplittableRandom(1));
    assertThat(new int[] {out.height(), out.width(), out.channels()}).containsExactly(20, 30, 1);
  }

  @Test
  void augmentationRunsOnlyInTraining() {
    ImagePipeline p =
        new ImagePipeline(
            4, 4, 1, false, ImagePipeline.NONE, (img, r) -> TestData.solid(4, 4, 1, 7));
    assertThat(p.prepare(TestData.solid(4, 4, 1, 1), true, new SplittableRandom(1)).get(0, 0, 0))
        .isEqualTo(7);
    assertThat(p.prepare(TestData.solid(4, 4, 1, 1), false, new SplittableRandom(1)).get(0, 0, 0))
        .isEqualTo(1);
  }

  @Test
  void cropsCutEachImageIntoCells() {
    HwcImage img = HwcImage.blank(4, 4, 1);
    img.set(0, 3, 0, 200); // top-right cell
    DataSet base =
        new DataSet() {
          public int size() {
            return 1;
          }

          public PredictionItem item(int i) {
            return new PredictionItem("a", img, target(i));
          }

          public String id(int i) {
            return "a";
          }

          public float[][] target(int i) {
            return new float[][] {{1}};
          }

          public List<List<String>> classNames() {
            return List.of(List.of("x"));
          }
        };
    CroppedDataSet cells = new CroppedDataSet(base, 2, 4, 4);
    assertThat(cells.size()).isEqualTo(4);
    assertThat(cells.item(1).x().get(0, 1, 0)).isEqualTo(200);
    assertThat(cells.item(0).x().get(0, 1, 0)).isZero();
    assertThat(cells.id(3)).isEqualTo("a#3");
  }
}
