package dev.musket.engine.augment;

import static dev.musket.engine.augment.Trees.apply;
import static dev.musket.engine.augment.Trees.brightest;
import static dev.musket.engine.augment.Trees.marker;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeometryAugmentersTest {

  @Test
  void fliplrMirrorsTheMarkerAcrossTheVerticalAxis() {
    HwcImage out = apply("Fliplr: 1", marker(9, 13, 3, 2, 3), 1);
    assertThat(brightest(out)).containsExactly(2, 13 - 1 - 3);
  }

  @Test
  void fliplrWithProbabilityZeroKeepsTheImage() {
    HwcImage in = marker(9, 13, 3, 2, 3);
    assertThat(apply("Fliplr: 0", in, 1)).isEqualTo(in);
  }

  @Test
  void fliplrAtHalfFlipsAboutHalfTheImages() {
    Augmenter flip = Trees.tree("Fliplr: 0.5");
    HwcImage in = marker(5, 5, 1, 0, 0);
    int flipped = 0;
    for (int i = 0; i < 400; i++) {
      if (!flip.apply(in, AugmentSeeds.streamFor(3, 0, i)).equals(in)) {
        flipped++;
      }
    }
    assertThat(flipped).isBetween(150, 250);
  }

  @Test
  void flipudMirrorsTheMarkerAcrossTheHorizontalAxis() {
    HwcImage out = apply("Flipud: 1.0", marker(9, 13, 3, 2, 3), 1);
    assertThat(brightest(out)).containsExactly(9 - 1 - 2, 3);
  }

  @ParameterizedTest
  @CsvSource({"1, 3, 6", "2, 6, 9", "3, 9, 2"})
  void rotate90TurnsClockwiseByQuarterTurns(int turns, int y, int x) {
    // 9 rows x 13 columns, marker at (2, 3)
    HwcImage out = FlipAugmenters.rotateQuarterTurns(marker(9, 13, 1, 2, 3), turns);
    if (turns % 2 == 1) {
      assertThat(out.height()).isEqualTo(13);
      assertThat(out.width()).isEqualTo(9);
    }
    assertThat(brightest(out)).containsExactly(y, x);
  }

  @Test
  void rotate90UsesAllFourRotations() {
    Augmenter rot = Trees.tree("Rotate90: true");
    Set<HwcImage> seen = new HashSet<>();
    for (int i = 0; i < 64; i++) {
      seen.add(rot.apply(marker(5, 5, 1, 0, 1), AugmentSeeds.streamFor(1, 0, i)));
    }
    assertThat(seen).hasSize(4);
  }

  @Test
  void affineRotationMovesTheMarkerWhereTheMatrixSays() {
    // 21x21, centre (10, 10); marker 5 px right of the centre; +90 degrees turns it clockwise.
    HwcImage out = apply("Affine: {rotate: 90}", marker(21, 21, 1, 10, 15), 1);
    assertThat(brightest(out)).containsExactly(15, 10);
  }

  @Test
  void affineTranslatePxShiftsByPixels() {
    HwcImage out = apply("Affine: {translate_px: {x: 3, y: -2}}", marker(21, 21, 1, 10, 10), 1);
    assertThat(brightest(out)).containsExactly(8, 13);
  }

  @Test
  void affineTranslatePercentIsAFractionOfTheSize() {
    HwcImage out =
        apply("Affine: {translate_percent: {x: 0.25, y: 0}}", marker(20, 40, 1, 10, 10), 1);
    assertThat(brightest(out)).containsExactly(10, 20);
  }

  @Test
  void affineScaleZoomsAboutTheCentre() {
    // 21x21 centre 10; marker 3 px right of centre; scale 2 -> 6 px right
    HwcImage out = apply("Affine: {scale: 2.0}", marker(21, 21, 1, 10, 13), 1);
    assertThat(brightest(out)).containsExactly(10, 16);
  }

  @Test
  void affineMatrixMatchesImgaugsComposition() {
    double[] m = AffineAugmenter.matrix(20, 30, 1.5, 0.5, 2, 3, 30, 10);
    double r = Math.toRadians(30);
    double sh = Math.toRadians(10);
    double cx = 14.5;
    double cy = 9.5;
    // forward map of the centre: centre + translation
    assertThat(m[0] * cx + m[1] * cy + m[2])
        .isCloseTo(cx + 2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(m[3] * cx + m[4] * cy + m[5])
        .isCloseTo(cy + 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(m[0]).isCloseTo(1.5 * Math.cos(r), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(m[1]).isCloseTo(-0.5 * Math.sin(r + sh), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void affineFillsNewPixelsWithCval() {
    HwcImage out =
        apply("Affine: {translate_px: {x: 5, y: 0}, cval: 200}", Trees.filled(10, 10, 3, 0), 1);
    assertThat(out.get(5, 0, 0)).isEqualTo(200);
    assertThat(out.get(5, 9, 0)).isEqualTo(0);
  }

  @Test
  void affineEdgeModeRepeatsTheBorder() {
    HwcImage in = Trees.texture(10, 10);
    HwcImage out = apply("Affine: {translate_px: {x: 3, y: 0}, mode: edge, order: 0}", in, 1);
    assertThat(out.get(4, 0, 0)).isEqualTo(in.get(4, 0, 0));
    assertThat(out.get(4, 1, 2)).isEqualTo(in.get(4, 0, 2));
  }

  @Test
  void affineRotationRangeDrawsDifferentAnglesPerImage() {
    Augmenter aff = Trees.tree("Affine: {rotate: [-45, 45]}");
    HwcImage in = marker(21, 21, 1, 10, 18);
    Set<HwcImage> seen = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      seen.add(aff.apply(in, AugmentSeeds.streamFor(1, 0, i)));
    }
    assertThat(seen.size()).isGreaterThan(5);
  }

  @Test
  void padAddsBordersWhenSizeIsNotKept() {
    HwcImage out = apply("Pad: {px: 2, keep_size: false}", marker(5, 6, 1, 1, 1), 1);
    assertThat(out.height()).isEqualTo(9);
    assertThat(out.width()).isEqualTo(10);
    assertThat(brightest(out)).containsExactly(3, 3);
  }

  @Test
  void cropRemovesBordersWhenSizeIsNotKept() {
    HwcImage out = apply("Crop: {px: 1, keep_size: false}", marker(5, 6, 1, 2, 2), 1);
    assertThat(out.height()).isEqualTo(3);
    assertThat(out.width()).isEqualTo(4);
    assertThat(brightest(out)).containsExactly(1, 1);
  }

  @Test
  void cropAndPadWithNegativePercentCropsAndKeepsTheSize() {
    HwcImage out = apply("CropAndPad: {percent: -0.25}", Trees.texture(20, 20), 1);
    assertThat(out.height()).isEqualTo(20);
    assertThat(out.width()).isEqualTo(20);
  }

  @Test
  void cropNeverLeavesAnEmptyImage() {
    HwcImage out = apply("Crop: {px: 10, keep_size: false}", Trees.texture(4, 4), 1);
    assertThat(out.height()).isGreaterThanOrEqualTo(1);
    assertThat(out.width()).isGreaterThanOrEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({"edge, 0, 0, 0", "reflect, 2, 1, 0", "symmetric, 1, 0, 0", "wrap, 3, 4, 0"})
  void padModesFillLikeNumpy(String mode, int leftOf2, int leftOf1, int ignored) {
    // one row 0,1,2,3,4 (values x*10); pad 2 on the left
    HwcImage row = HwcImage.blank(1, 5, 1);
    for (int x = 0; x < 5; x++) {
      row.set(0, x, 0, x * 10);
    }
    HwcImage out =
        CropPadAugmenters.cropPad(
            row, 0, 0, 0, 2, dev.musket.engine.augment.opencv.BorderMode.of(mode), 0);
    assertThat(out.get(0, 0, 0)).isEqualTo(leftOf2 * 10);
    assertThat(out.get(0, 1, 0)).isEqualTo(leftOf1 * 10);
  }

  @Test
  void padToFixedSizeOnlyGrows() {
    HwcImage small = apply("PadToFixedSize: {width: 10, height: 8}", Trees.texture(4, 6), 1);
    assertThat(new int[] {small.height(), small.width()}).containsExactly(8, 10);
    HwcImage big = apply("PadToFixedSize: {width: 10, height: 8}", Trees.texture(12, 12), 1);
    assertThat(new int[] {big.height(), big.width()}).containsExactly(12, 12);
  }

  @Test
  void cropToFixedSizeCentreKeepsTheMiddle() {
    HwcImage out =
        apply("CropToFixedSize: {width: 3, height: 3, position: center}", marker(9, 9, 1, 4, 4), 1);
    assertThat(new int[] {out.height(), out.width()}).containsExactly(3, 3);
    assertThat(brightest(out)).containsExactly(1, 1);
  }

  @Test
  void resizeToHeightAndWidth() {
    HwcImage out = apply("Resize: {size: {height: 10, width: 20}}", Trees.texture(30, 30), 1);
    assertThat(new int[] {out.height(), out.width()}).containsExactly(10, 20);
  }

  @Test
  void scaleIsAnAliasOfResizeAndFractionsScale() {
    HwcImage out = apply("Scale: 0.5", Trees.texture(30, 40), 1);
    assertThat(new int[] {out.height(), out.width()}).containsExactly(15, 20);
  }

  @Test
  void resizeKeepAspectRatio() {
    HwcImage out =
        apply("Resize: {size: {height: 20, width: keep-aspect-ratio}}", Trees.texture(10, 30), 1);
    assertThat(new int[] {out.height(), out.width()}).containsExactly(20, 60);
  }

  @Test
  void perspectiveTransformKeepsTheSize() {
    HwcImage in = Trees.texture(32, 24);
    HwcImage out = apply("PerspectiveTransform: {scale: 0.1}", in, 5);
    assertThat(new int[] {out.height(), out.width()}).containsExactly(32, 24);
    assertThat(out).isNotEqualTo(in);
  }

  @Test
  void elasticTransformationWithZeroAlphaIsIdentity() {
    HwcImage in = Trees.texture(16, 16);
    assertThat(apply("ElasticTransformation: {alpha: 0, sigma: 3}", in, 1)).isEqualTo(in);
    HwcImage moved = apply("ElasticTransformation: {alpha: 20, sigma: 3}", in, 1);
    assertThat(moved).isNotEqualTo(in);
    assertThat(moved.width()).isEqualTo(16);
  }

  @Test
  void perspectiveMatrixMapsCornersOntoTheRectangle() {
    double[] m =
        dev.musket.engine.augment.opencv.OpenCvOps.perspectiveMatrix(
            new float[] {1, 1, 9, 0, 10, 10, 0, 9}, new float[] {0, 0, 9, 0, 9, 9, 0, 9});
    double w = m[6] * 10 + m[7] * 10 + m[8];
    assertThat((m[0] * 10 + m[1] * 10 + m[2]) / w)
        .isCloseTo(9, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(new SplittableRandom(1)).isNotNull();
  }

  @Test
  void cropAndPadWithoutIndependentSidesUsesOneAmountForAll() {
    HwcImage out =
        apply(
            "CropAndPad: {px: [1, 3], keep_size: false, sample_independently: false}",
            Trees.texture(10, 10),
            4);
    assertThat(out.height()).isEqualTo(out.width());
    assertThat(out.height()).isIn(12, 14, 16);
  }

  @Test
  void padKeepSizeResizesBack() {
    HwcImage out = apply("Pad: {percent: 0.2, pad_mode: edge}", Trees.texture(10, 20), 1);
    assertThat(new int[] {out.height(), out.width()}).containsExactly(10, 20);
  }
}
