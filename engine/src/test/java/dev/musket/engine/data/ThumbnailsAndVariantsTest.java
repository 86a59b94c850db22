package dev.musket.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.augment.HwcImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two small engine APIs behind the workbench's dataset grid and augmentation previewer. */
class ThumbnailsAndVariantsTest {

  @Test
  void thumbnailsShrinkLargeImagesKeepingTheirAspectAndLeaveSmallOnesAlone() {
    HwcImage wide = TestData.solid(200, 400, 3, 90);
    HwcImage small = TestData.solid(28, 28, 1, 90);

    HwcImage thumb = Thumbnails.fit(wide, 72);

    assertThat(thumb.width()).isEqualTo(72);
    assertThat(thumb.height()).isEqualTo(36);
    assertThat(thumb.get(10, 10, 0)).isEqualTo(90);
    assertThat(Thumbnails.fit(small, 72)).isSameAs(small);
  }

  @Test
  void variantsAreTheAugmentationsOfSuccessiveEpochsAndTheFirstIsTheSampleOne() {
    DataSet ds = new GreyItems(6);
    // the augmenter adds the first random draw, so each random stream leaves its trace
    ImagePipeline pipeline =
        new ImagePipeline(
            8,
            8,
            1,
            false,
            ImagePipeline.NONE,
            (image, random) -> {
              HwcImage out = image.copy();
              int add = random.nextInt(100);
              for (int i = 0; i < out.data().length; i++) {
                out.data()[i] = (byte) HwcImage.clamp((out.data()[i] & 0xFF) + add);
              }
              return out;
            });

    List<AugmentationPreview.Variants> variants =
        AugmentationPreview.variants(ds, pipeline, 3, 4, 11);
    List<AugmentationPreview.Sample> samples = AugmentationPreview.samples(ds, pipeline, 3, 11);

    assertThat(variants).hasSize(3);
    for (int k = 0; k < 3; k++) {
      AugmentationPreview.Variants v = variants.get(k);
      assertThat(v.index()).isEqualTo(samples.get(k).index());
      assertThat(v.original()).isEqualTo(samples.get(k).original());
      assertThat(v.augmented()).hasSize(4);
      assertThat(v.augmented().get(0)).isEqualTo(samples.get(k).augmented());
      assertThat(v.augmented().stream().distinct().count()).isGreaterThan(1);
    }
  }

  /** Items of solid grey, 8x8, one class. */
  private static final class GreyItems implements DataSet {
    private final int n;

    GreyItems(int n) {
      this.n = n;
    }

    @Override
    public int size() {
      return n;
    }

    @Override
    public PredictionItem item(int index) {
      return new PredictionItem(id(index), TestData.solid(8, 8, 1, 10 * index), target(index));
    }

    @Override
    public String id(int index) {
      return "i" + index;
    }

    @Override
    public float[][] target(int index) {
      return new float[][] {{1}};
    }

    @Override
    public List<List<String>> classNames() {
      return List.of(List.of("a"));
    }
  }
}
