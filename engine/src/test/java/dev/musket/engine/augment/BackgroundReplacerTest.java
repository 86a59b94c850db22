package dev.musket.engine.augment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.engine.augment.opencv.OpenCvImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundReplacerTest {
  @TempDir Path project;

  /** A white 20x20 image with a red 8x8 square at rows/columns 6..13. */
  static HwcImage redSquareOnWhite() {
    HwcImage img = Trees.filled(20, 20, 3, 255);
    for (int y = 6; y < 14; y++) {
      for (int x = 6; x < 14; x++) {
        img.set(y, x, 1, 0);
        img.set(y, x, 2, 0);
      }
    }
    return img;
  }

  private Augmenter replacer(String args) throws IOException {
    HwcImage blue = HwcImage.blank(10, 10, 3);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 10; x++) {
        blue.set(y, x, 2, 255);
      }
    }
    Files.createDirectories(project.resolve("bg"));
    Files.write(project.resolve("bg/blue.png"), OpenCvImages.encodePng(blue));
    return new AugmenterTreeBuilder(project)
        .build(YamlTrees.parse("BackgroundReplacer: {path: bg, " + args + "}", Path.of("c.yaml")))
        .orThrow();
  }

  @Test
  void theBackgroundIsReplacedAndTheForegroundKept() throws IOException {
    HwcImage out = replacer("rate: 1.0").apply(redSquareOnWhite(), new SplittableRandom(1));
    assertThat(new int[] {out.get(0, 0, 0), out.get(0, 0, 1), out.get(0, 0, 2)})
        .containsExactly(0, 0, 255);
    assertThat(new int[] {out.get(10, 10, 0), out.get(10, 10, 1), out.get(10, 10, 2)})
        .containsExactly(255, 0, 0);
  }

  @Test
  void rateZeroKeepsTheImage() throws IOException {
    HwcImage in = redSquareOnWhite();
    assertThat(replacer("rate: 0.0").apply(in, new SplittableRandom(1))).isEqualTo(in);
  }

  @Test
  void erosionShrinksTheForeground() throws IOException {
    HwcImage out =
        replacer("rate: 1.0, erosion: 2").apply(redSquareOnWhite(), new SplittableRandom(1));
    assertThat(out.get(6, 6, 2)).isEqualTo(255); // former edge of the square: now background
    assertThat(out.get(10, 10, 0)).isEqualTo(255); // centre still red
    assertThat(out.get(10, 10, 2)).isZero();
  }

  @Test
  void theAlphaChannelIsTheMaskOfRgbaImages() throws IOException {
    HwcImage rgba = Trees.filled(10, 10, 4, 200);
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 5; x++) {
        rgba.set(y, x, 3, 0); // left half transparent
      }
    }
    HwcImage out = replacer("rate: 1.0").apply(rgba, new SplittableRandom(1));
    assertThat(out.get(5, 2, 2)).isEqualTo(255);
    assertThat(out.get(5, 2, 0)).isZero();
    assertThat(out.get(5, 7, 0)).isEqualTo(200);
  }

  @Test
  void nestedAugmentersMoveImageAndMaskTogether() throws IOException {
    HwcImage out =
        replacer("rate: 1.0, augmenters: {Fliplr: 1}").apply(marker(), new SplittableRandom(1));
    // the red pixel block at columns 0..3 moves to columns 16..19 and stays red (mask moved too)
    assertThat(out.get(10, 18, 0)).isEqualTo(255);
    assertThat(out.get(10, 18, 2)).isZero();
    assertThat(out.get(10, 1, 2)).isEqualTo(255);
  }

  private static HwcImage marker() {
    HwcImage img = Trees.filled(20, 20, 3, 255);
    for (int y = 8; y < 12; y++) {
      for (int x = 0; x < 4; x++) {
        img.set(y, x, 1, 0);
        img.set(y, x, 2, 0);
      }
    }
    return img;
  }
}
