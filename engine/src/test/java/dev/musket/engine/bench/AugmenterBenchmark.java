package dev.musket.engine.bench;

import dev.musket.engine.augment.AugmentSeeds;
import dev.musket.engine.augment.Augmenter;
import dev.musket.engine.augment.AugmenterTreeBuilder;
import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.YamlTrees;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each main augmenter alone on a 500x375 RGB image (the typical ImageNet validation size that the
 * albumentations README benchmark uses), one thread: images per second per core. Names are the
 * albumentations README rows; the YAML is our imgaug-style equivalent.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AugmenterBenchmark {
  static final Map<String, String> YAML =
      Map.ofEntries(
          Map.entry("HorizontalFlip", "Fliplr: 1"),
          Map.entry("VerticalFlip", "Flipud: 1"),
          Map.entry("Rotate", "Affine: {rotate: [-90, 90]}"),
          Map.entry(
              "ShiftScaleRotate",
              "Affine: {scale: [0.9, 1.1], translate_percent: [-0.0625, 0.0625], rotate: [-45, 45]}"),
          Map.entry("Brightness", "Add: [-50, 50]"),
          Map.entry("Contrast", "LinearContrast: [0.8, 1.2]"),
          Map.entry("BrightnessContrast", "Add: [-50, 50]\nLinearContrast: [0.8, 1.2]"),
          Map.entry("ShiftHSV", "AddToHueAndSaturation: [-20, 20]"),
          Map.entry("Gamma", "GammaContrast: [0.8, 1.2]"),
          Map.entry("Grayscale", "Grayscale: 1.0"),
          Map.entry("RandomCrop64", "CropToFixedSize: {width: 64, height: 64}"),
          Map.entry("PadToSize512", "PadToFixedSize: {width: 512, height: 512}"),
          Map.entry(
              "Resize512", "Resize: {size: {height: 512, width: 512}, interpolation: linear}"),
          Map.entry("Multiply", "Multiply: [0.8, 1.2]"),
          Map.entry("MultiplyElementwise", "MultiplyElementwise: [0.8, 1.2]"),
          Map.entry("GaussianBlur", "GaussianBlur: [0.5, 1.5]"),
          Map.entry("MedianBlur", "MedianBlur: 3"),
          Map.entry("Sharpen", "Sharpen: {alpha: [0.2, 0.5], lightness: [0.8, 1.2]}"),
          Map.entry("AdditiveGaussianNoise", "AdditiveGaussianNoise: {scale: [0, 12]}"),
          Map.entry("Dropout", "Dropout: [0, 0.1]"),
          Map.entry("CoarseDropout", "CoarseDropout: {p: 0.1, size_percent: 0.1}"),
          Map.entry("PerspectiveTransform", "PerspectiveTransform: [0.01, 0.1]"),
          Map.entry("ElasticTransformation", "ElasticTransformation: {alpha: 30, sigma: 5}"));

  @Param({
    "HorizontalFlip",
    "VerticalFlip",
    "Rotate",
    "ShiftScaleRotate",
    "Brightness",
    "Contrast",
    "BrightnessContrast",
    "ShiftHSV",
    "Gamma",
    "Grayscale",
    "RandomCrop64",
    "PadToSize512",
    "Resize512",
    "Multiply",
    "MultiplyElementwise",
    "GaussianBlur",
    "MedianBlur",
    "Sharpen",
    "AdditiveGaussianNoise",
    "Dropout",
    "CoarseDropout",
    "PerspectiveTransform",
    "ElasticTransformation"
  })
  public String transform;

  private Augmenter augmenter;
  private HwcImage image;
  private long item;

  @Setup
  public void setUp() {
    augmenter =
        new AugmenterTreeBuilder(Path.of("."))
            .build(YamlTrees.parse(YAML.get(transform), Path.of("bench.yaml")))
            .orThrow();
    image = BenchImages.photoLike(375, 500);
  }

  @Benchmark
  public HwcImage apply() {
    return augmenter.apply(image, AugmentSeeds.streamFor(1, 0, item++));
  }
}
