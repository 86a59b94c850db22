package dev.musket.engine.bench;

import dev.musket.engine.augment.HwcImage;
import java.util.SplittableRandom;

/** Deterministic photo-like test images: smooth gradients, a few shapes and mild noise. */
final class BenchImages {
  private BenchImages() {}

  static HwcImage photoLike(int height, int width) {
    SplittableRandom r = new SplittableRandom(42);
    HwcImage img = HwcImage.blank(height, width, 3);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double g = 0.5 + 0.5 * Math.sin(x / 17.0) * Math.cos(y / 23.0);
        boolean disk =
            Math.hypot(x - width / 2.0, y - height / 2.0) < Math.min(width, height) / 4.0;
        for (int c = 0; c < 3; c++) {
          double v = (disk ? 60 + 60 * c : 200 * g + 20 * c) + r.nextInt(9) - 4;
          img.set(y, x, c, (int) v);
        }
      }
    }
    return img;
  }
}
