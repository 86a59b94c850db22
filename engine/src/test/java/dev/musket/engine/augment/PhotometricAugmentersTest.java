package dev.musket.engine.augment;

import static dev.musket.engine.augment.Trees.apply;
import static dev.musket.engine.augment.Trees.filled;
import static dev.musket.engine.augment.Trees.marker;
import static dev.musket.engine.augment.Trees.mean;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PhotometricAugmentersTest {

  @Test
  void addSaturatesAt255() {
    HwcImage out = apply("Add: 100", filled(2, 2, 3, 200), 1);
    assertThat(out.get(0, 0, 0)).isEqualTo(255);
    assertThat(apply("Add: -50", filled(2, 2, 3, 200), 1).get(1, 1, 2)).isEqualTo(150);
  }

  @Test
  void addRangeDrawsWholeNumbersWithinTheRange() {
    Augmenter add = Trees.tree("Add: [-10, 10]");
    for (int i = 0; i < 50; i++) {
      int v = add.apply(filled(1, 1, 1, 100), AugmentSeeds.streamFor(1, 0, i)).get(0, 0, 0);
      assertThat(v).isBetween(90, 110);
    }
  }

  @Test
  void addPerChannelGivesChannelsDifferentValues() {
    HwcImage out = apply("Add: {value: [-50, 50], per_channel: true}", filled(1, 1, 3, 100), 7);
    assertThat(out.get(0, 0, 0) == out.get(0, 0, 1) && out.get(0, 0, 1) == out.get(0, 0, 2))
        .isFalse();
  }

  @Test
  void multiplyScalesAndRounds() {
    assertThat(apply("Multiply: 1.5", filled(1, 1, 1, 101), 1).get(0, 0, 0)).isEqualTo(152);
    assertThat(apply("Multiply: 3", filled(1, 1, 1, 101), 1).get(0, 0, 0)).isEqualTo(255);
  }

  @Test
  void elementwiseOperationsDrawPerPixel() {
    HwcImage add = apply("AddElementwise: [-20, 20]", filled(8, 8, 3, 100), 1);
    HwcImage mul = apply("MultiplyElementwise: [0.5, 1.5]", filled(8, 8, 3, 100), 1);
    assertThat(distinctValues(add)).isGreaterThan(5);
    assertThat(distinctValues(mul)).isGreaterThan(5);
    // without per_channel the channels of a pixel share one draw
    assertThat(add.get(3, 3, 0)).isEqualTo(add.get(3, 3, 1));
  }

  @Test
  void linearContrastFollowsImgaugsFormula() {
    // 127.5 + 2 (100 - 127.5) = 72.5 -> truncated as imgaug's uint8 table -> 72
    assertThat(apply("LinearContrast: 2.0", filled(1, 1, 1, 100), 1).get(0, 0, 0)).isEqualTo(72);
    assertThat(apply("ContrastNormalization: 0.5", filled(1, 1, 1, 27), 1).get(0, 0, 0))
        .isEqualTo(77); // 127.5 - 50.25 = 77.25
  }

  @Test
  void contrastTablesTruncateLikeImgaug() {
    // 127.5 + 1.5 (200 - 127.5) = 236.25 -> 236; 127.5 + 0.9 (10 - 127.5) = 21.75 -> 21 (not 22)
    assertThat(apply("LinearContrast: 1.5", filled(1, 1, 1, 200), 1).get(0, 0, 0)).isEqualTo(236);
    assertThat(apply("LinearContrast: 0.9", filled(1, 1, 1, 10), 1).get(0, 0, 0)).isEqualTo(21);
    // 255 (200/255)^0.5 = 225.83 -> 225
    assertThat(apply("GammaContrast: 0.5", filled(1, 1, 1, 200), 1).get(0, 0, 0)).isEqualTo(225);
  }

  @Test
  void gammaContrastFollowsThePowerLaw() {
    // 255 (128/255)^2 = 64.25
    assertThat(apply("GammaContrast: 2.0", filled(1, 1, 1, 128), 1).get(0, 0, 0)).isEqualTo(64);
  }

  @Test
  void invertMapsVTo255MinusV() {
    assertThat(apply("Invert: 1", filled(1, 1, 3, 55), 1).get(0, 0, 1)).isEqualTo(200);
    assertThat(apply("Invert: 0", filled(1, 1, 3, 55), 1).get(0, 0, 1)).isEqualTo(55);
  }

  @Test
  void grayscaleAlphaOneMakesChannelsEqualToLuma() {
    HwcImage red = HwcImage.blank(1, 1, 3);
    red.set(0, 0, 0, 255);
    HwcImage out = apply("Grayscale: 1.0", red, 1);
    assertThat(out.get(0, 0, 0)).isEqualTo(76); // 0.299 * 255
    assertThat(out.get(0, 0, 1)).isEqualTo(76);
    assertThat(out.get(0, 0, 2)).isEqualTo(76);
  }

  @Test
  void addToHueTurnsRedIntoGreen() {
    HwcImage red = HwcImage.blank(2, 2, 3);
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 2; x++) {
        red.set(y, x, 0, 255);
      }
    }
    // 85 * 180 / 255 = 60 OpenCV hue units = 120 degrees
    HwcImage out = apply("AddToHueAndSaturation: 85", red, 1);
    assertThat(out.get(0, 0, 0)).isLessThan(10);
    assertThat(out.get(0, 0, 1)).isGreaterThan(245);
  }

  @Test
  void gaussianBlurSpreadsTheMarkerAndKeepsItsMass() {
    HwcImage in = marker(21, 21, 1, 10, 10);
    assertThat(apply("GaussianBlur: 0", in, 1)).isEqualTo(in);
    HwcImage out = apply("GaussianBlur: 2.0", in, 1);
    assertThat(out.get(10, 10, 0)).isLessThan(255).isGreaterThan(0);
    assertThat(out.get(10, 12, 0)).isGreaterThan(0);
    assertThat(mean(out) * 21 * 21).isCloseTo(255, within(20.0));
  }

  @Test
  void averageBlurIsTheWindowMean() {
    HwcImage out = apply("AverageBlur: 3", marker(9, 9, 1, 4, 4), 1);
    assertThat(out.get(4, 4, 0)).isEqualTo(28); // 255 / 9
    assertThat(out.get(3, 5, 0)).isEqualTo(28);
    assertThat(out.get(2, 4, 0)).isZero();
  }

  @Test
  void medianBlurRemovesAnIsolatedPixel() {
    assertThat(apply("MedianBlur: 3", marker(9, 9, 3, 4, 4), 1)).isEqualTo(filled(9, 9, 3, 0));
  }

  @Test
  void sharpenAndEmbossKeepFlatAreas() {
    HwcImage flat = filled(6, 6, 3, 90);
    assertThat(apply("Sharpen: {alpha: 1, lightness: 1}", flat, 1)).isEqualTo(flat);
    assertThat(apply("Emboss: {alpha: 1, strength: 1}", flat, 1)).isEqualTo(flat);
  }

  @Test
  void sharpenBoostsAnIsolatedPixelsNeighboursNegatively() {
    HwcImage in = filled(7, 7, 1, 100);
    in.set(3, 3, 0, 150);
    HwcImage out = apply("Sharpen: {alpha: 1.0, lightness: 1.0}", in, 1);
    assertThat(out.get(3, 3, 0)).isEqualTo(255); // 100 + 9 * 50 -> saturates
    assertThat(out.get(3, 4, 0)).isEqualTo(50); // 100 - 50
  }

  @Test
  void additiveGaussianNoiseHasTheRequestedSpread() {
    HwcImage out = apply("AdditiveGaussianNoise: {scale: 10}", filled(64, 64, 1, 128), 3);
    double m = mean(out);
    double var = 0;
    for (byte b : out.data()) {
      var += Math.pow((b & 0xFF) - m, 2);
    }
    assertThat(m).isCloseTo(128, within(1.0));
    assertThat(Math.sqrt(var / out.data().length)).isCloseTo(10, within(0.6));
  }

  @Test
  void dropoutZerosAboutTheRequestedFraction() {
    HwcImage out = apply("Dropout: 0.3", filled(50, 50, 3, 200), 1);
    assertThat(zeroFraction(out)).isCloseTo(0.3, within(0.05));
  }

  @Test
  void coarseDropoutDropsBlocks() {
    HwcImage out = apply("CoarseDropout: {p: 0.5, size_px: 4}", filled(40, 40, 1, 200), 2);
    assertThat(zeroFraction(out)).isBetween(0.1, 0.9);
    // 4x4 cells of 10x10 pixels: a cell is dropped as a whole
    for (int cy = 0; cy < 4; cy++) {
      for (int cx = 0; cx < 4; cx++) {
        int corner = out.get(cy * 10, cx * 10, 0);
        assertThat(out.get(cy * 10 + 9, cx * 10 + 9, 0)).isEqualTo(corner);
      }
    }
  }

  @Test
  void saltAndPepperReplacesWithExtremesMostly() {
    HwcImage out = apply("SaltAndPepper: 1.0", filled(40, 40, 1, 128), 1);
    long extremes = 0;
    for (byte b : out.data()) {
      int v = b & 0xFF;
      if (v < 40 || v > 215) {
        extremes++;
      }
    }
    assertThat(extremes / (double) out.data().length).isGreaterThan(0.5);
  }

  private static double zeroFraction(HwcImage img) {
    long zeros = 0;
    for (byte b : img.data()) {
      if (b == 0) {
        zeros++;
      }
    }
    return zeros / (double) img.data().length;
  }

  private static long distinctValues(HwcImage img) {
    java.util.Set<Integer> s = new java.util.HashSet<>();
    for (byte b : img.data()) {
      s.add(b & 0xFF);
    }
    return s.size();
  }

  @Test
  void perChannelProbabilityMixesSharedAndPerChannelDraws() {
    Augmenter inv = Trees.tree("Invert: {p: 0.5, per_channel: 0.5}");
    int mixed = 0;
    for (int i = 0; i < 200; i++) {
      HwcImage out = inv.apply(filled(1, 1, 3, 0), AugmentSeeds.streamFor(1, 0, i));
      if (out.get(0, 0, 0) != out.get(0, 0, 1) || out.get(0, 0, 1) != out.get(0, 0, 2)) {
        mixed++;
      }
    }
    // per-channel images (about half) differ between channels 3 times in 4
    assertThat(mixed).isBetween(45, 110);
  }
}
