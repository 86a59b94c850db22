package dev.musket.engine.data;

import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.YamlTrees;
import dev.musket.engine.augment.opencv.OpenCvImages;
import dev.musket.engine.config.ConfigNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helpers: write small images and parse YAML snippets. */
final class TestData {
  private TestData() {}

  static HwcImage solid(int h, int w, int c, int value) {
    HwcImage img = HwcImage.blank(h, w, c);
    java.util.Arrays.fill(img.data(), (byte) value);
    return img;
  }

  static Path write(Path file, HwcImage image) throws IOException {
    Files.createDirectories(file.getParent());
    String name = file.getFileName().toString();
    Files.write(file, OpenCvImages.encode(image, name.substring(name.lastIndexOf('.'))));
    return file;
  }

  static ConfigNode yaml(String text) {
    return YamlTrees.parse(text, Path.of("config.yaml"));
  }
}
