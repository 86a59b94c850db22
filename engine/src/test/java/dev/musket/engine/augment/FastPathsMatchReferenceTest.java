package dev.musket.engine.augment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.augment.opencv.BorderMode;
import dev.musket.engine.augment.opencv.OpenCvOps;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast paths (word-wide flips, row copies, fused tables) give exactly the bytes of the
 * straightforward per-pixel code in {@link ReferenceOps}, on every size and channel count where
 * their edge cases live: one pixel, odd widths, the image's last row and pixel.
 */
class FastPathsMatchReferenceTest {

  static HwcImage noise(int h, int w, int c, long seed) {
    byte[] data = new byte[h * w * c];
    new SplittableRandom(seed).nextBytes(data);
    return new HwcImage(h, w, c, data);
  }

  @Test
  void fliplrMovesEveryByteWhereThePerPixelFlipDoes() {
    for (int c = 1; c <= 5; c++) {
      for (int h = 1; h <= 3; h++) {
        for (int w = 1; w <= 19; w++) {
          HwcImage in = noise(h, w, c, 31L * w + h + 1000L * c);
          assertThat(FlipAugmenters.flipHorizontal(in))
              .as("%dx%dx%d", h, w, c)
              .isEqualTo(ReferenceOps.flipHorizontal(in));
        }
      }
    }
  }

  @Test
  void cropAndPadGiveThePerPixelResultForEveryModeAndSide() {
    SplittableRandom r = new SplittableRandom(7);
    int checked = 0;
    for (BorderMode mode : BorderMode.values()) {
      for (int i = 0; i < 400; i++) {
        int h = 1 + r.nextInt(6);
        int w = 1 + r.nextInt(9);
        int c = 1 + r.nextInt(4);
        int top = r.nextInt(-6, 8);
        int bottom = r.nextInt(-6, 8);
        int left = r.nextInt(-12, 12);
        int right = r.nextInt(-12, 12);
        if (h + top + bottom < 1 || w + left + right < 1) {
          continue;
        }
        HwcImage in = noise(h, w, c, i);
        double cval = r.nextInt(256);
        assertThat(CropPadAugmenters.cropPad(in, top, right, bottom, left, mode, cval))
            .as("%s %dx%dx%d sides %d %d %d %d", mode, h, w, c, top, right, bottom, left)
            .isEqualTo(ReferenceOps.cropPad(in, top, right, bottom, left, mode, cval));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  @Test
  void fixedSizeCropsAndPadsOfTheBenchmarkSizesMatch() {
    HwcImage photo = noise(375, 500, 3, 1);
    assertThat(CropPadAugmenters.cropPad(photo, -100, -300, -211, -136, BorderMode.CONSTANT, 0))
        .isEqualTo(ReferenceOps.cropPad(photo, -100, -300, -211, -136, BorderMode.CONSTANT, 0));
    assertThat(CropPadAugmenters.cropPad(photo, 60, 5, 77, 7, BorderMode.CONSTANT, 9))
        .isEqualTo(ReferenceOps.cropPad(photo, 60, 5, 77, 7, BorderMode.CONSTANT, 9));
  }

  @Test
  void fullGrayscaleIsOpenCvsGrayForEveryColour() {
    // all 2^24 colours as one 4096 x 4096 image
    byte[] all = new byte[3 << 24];
    for (int i = 0, p = 0; i < 1 << 24; i++, p += 3) {
      all[p] = (byte) (i >> 16);
      all[p + 1] = (byte) (i >> 8);
      all[p + 2] = (byte) i;
    }
    HwcImage colours = new HwcImage(4096, 4096, 3, all);
    byte[] cv = OpenCvOps.rgbToGray(colours).data();
    byte[] ours = GrayscaleBlend.apply(colours, 1).data();
    for (int i = 0; i < 1 << 24; i++) {
      int r = i >> 16;
      int g = (i >> 8) & 0xFF;
      int b = i & 0xFF;
      if ((cv[i] & 0xFF) != GrayscaleBlend.gray(r, g, b)
          || ours[3 * i] != cv[i]
          || ours[3 * i + 1] != cv[i]
          || ours[3 * i + 2] != cv[i]) {
        throw new AssertionError(
            "RGB "
                + r
                + ","
                + g
                + ","
                + b
                + ": OpenCV "
                + (cv[i] & 0xFF)
                + ", formula "
                + GrayscaleBlend.gray(r, g, b)
                + ", image "
                + (ours[3 * i] & 0xFF));
      }
    }
  }

  @Test
  void grayscaleBlendsAsThroughOpenCvsGrayImage() {
    SplittableRandom r = new SplittableRandom(3);
    for (int c = 3; c <= 5; c++) {
      HwcImage in = noise(7, 11, c, c);
      for (double alpha :
          new double[] {1, 0.5, 0.25, 1e-6, 0.999999, r.nextDouble(), r.nextDouble()}) {
        assertThat(GrayscaleBlend.apply(in, alpha))
            .as("alpha %s, %d channels", alpha, c)
            .isEqualTo(ReferenceOps.blendWithGray(in, alpha));
      }
    }
  }

  static final String TABLE_CHAIN =
      """
      Add: {value: [-40, 40], per_channel: 0.5}
      LinearContrast: {alpha: [0.5, 1.5], per_channel: 0.5}
      Fliplr: 0.5
      Multiply: {mul: [0.5, 1.5], per_channel: 0.5}
      GammaContrast: {gamma: [0.5, 2.0], per_channel: 0.5}
      Invert: {p: 0.5, per_channel: 0.5}
      ContrastNormalization: [0.5, 1.5]
      """;

  @Test
  void consecutiveTableAugmentersAreFusedIntoOneStep() {
    TreeAugmenters.Sequential root = (TreeAugmenters.Sequential) Trees.tree(TABLE_CHAIN);
    assertThat(root.children()).hasSize(3);
    assertThat(root.children().get(0)).isInstanceOf(PixelTables.Fused.class);
    assertThat(root.children().get(2)).isInstanceOf(PixelTables.Fused.class);
    assertThat(((PixelTables.Fused) root.children().get(2)).parts()).hasSize(4);
  }

  @Test
  void fusedTablesGiveTheBytesOfApplyingEachAugmenterInTurn() {
    Augmenter fused = Trees.tree(TABLE_CHAIN);
    // each line built as its own tree is applied alone: nothing to fuse
    List<Augmenter> separate =
        TABLE_CHAIN.lines().filter(l -> !l.isBlank()).map(Trees::tree).toList();
    for (int c : new int[] {1, 3, 4}) {
      HwcImage in = noise(9, 13, c, c);
      for (int item = 0; item < 200; item++) {
        HwcImage expected = in;
        SplittableRandom r = AugmentSeeds.streamFor(5, 0, item);
        for (Augmenter step : separate) {
          expected = step.apply(expected, r);
        }
        assertThat(fused.apply(in, AugmentSeeds.streamFor(5, 0, item)))
            .as("item %d, %d channels", item, c)
            .isEqualTo(expected);
      }
    }
  }
}
