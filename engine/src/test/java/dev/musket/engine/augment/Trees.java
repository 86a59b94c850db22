package dev.musket.engine.augment;

import dev.musket.engine.config.validate.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/** Test helpers: build augmenter trees from YAML text and make landmark images. */
final class Trees {
  private Trees() {}

  static AugmenterBuild build(String yaml) {
    return new AugmenterTreeBuilder(Path.of(".")).build(YamlTrees.parse(yaml, Path.of("t.yaml")));
  }

  static Augmenter tree(String yaml) {
    return build(yaml).orThrow();
  }

  static List<String> messages(String yaml) {
    return build(yaml).diagnostics().stream().map(Diagnostic::message).toList();
  }

  static HwcImage apply(String yaml, HwcImage image, long seed) {
    return tree(yaml).apply(image, new SplittableRandom(seed));
  }

  /** A black image with one white 1-pixel marker at (y, x). */
  static HwcImage marker(int h, int w, int c, int y, int x) {
    HwcImage img = HwcImage.blank(h, w, c);
    for (int k = 0; k < c; k++) {
      img.set(y, x, k, 255);
    }
    return img;
  }

  /** An image filled with one value. */
  static HwcImage filled(int h, int w, int c, int value) {
    HwcImage img = HwcImage.blank(h, w, c);
    java.util.Arrays.fill(img.data(), (byte) value);
    return img;
  }

  /** A deterministic textured RGB image. */
  static HwcImage texture(int h, int w) {
    HwcImage img = HwcImage.blank(h, w, 3);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.set(y, x, 0, (x * 7 + y * 3) % 256);
        img.set(y, x, 1, (x * y) % 256);
        img.set(y, x, 2, (255 - x * 5) & 0xFF);
      }
    }
    return img;
  }

  /** The (y, x) of the brightest pixel of channel 0. */
  static int[] brightest(HwcImage img) {
    int best = -1;
    int[] at = {-1, -1};
    for (int y = 0; y < img.height(); y++) {
      for (int x = 0; x < img.width(); x++) {
        if (img.get(y, x, 0) > best) {
          best = img.get(y, x, 0);
          at = new int[] {y, x};
        }
      }
    }
    return at;
  }

  static double mean(HwcImage img) {
    double s = 0;
    for (byte b : img.data()) {
      s += b & 0xFF;
    }
    return s / img.data().length;
  }
}
