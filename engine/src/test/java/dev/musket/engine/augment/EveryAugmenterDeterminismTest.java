package dev.musket.engine.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each augmenter, with random parameters, gives bit-identical output for the same stream seed. */
class EveryAugmenterDeterminismTest {

  static final Map<String, String> RANDOM_CONFIG = new TreeMap<>();

  static {
    RANDOM_CONFIG.put(
        "Sequential", "Sequential: {children: [Fliplr: 0.5, Add: [-9, 9]], random_order: true}");
    RANDOM_CONFIG.put("OneOf", "OneOf: [Fliplr: 1, Flipud: 1, Add: 9]");
    RANDOM_CONFIG.put("SomeOf", "SomeOf: [[1, 2], [Fliplr: 1, Flipud: 1, Add: 9]]");
    RANDOM_CONFIG.put("Sometimes", "Sometimes: [0.5, {Add: [-9, 9]}]");
    RANDOM_CONFIG.put("Fliplr", "Fliplr: 0.5");
    RANDOM_CONFIG.put("Flipud", "Flipud: 0.5");
    RANDOM_CONFIG.put("Rotate90", "Rotate90: true");
    RANDOM_CONFIG.put(
        "Affine",
        "Affine: {scale: [0.8, 1.2], rotate: [-30, 30], shear: [-10, 10], order: [0, 1], cval: [0, 255]}");
    RANDOM_CONFIG.put("CropAndPad", "CropAndPad: {percent: [-0.2, 0.2], pad_cval: [0, 255]}");
    RANDOM_CONFIG.put("Crop", "Crop: {px: [0, 4]}");
    RANDOM_CONFIG.put("Pad", "Pad: {px: [0, 4], pad_mode: reflect}");
    RANDOM_CONFIG.put("PadToFixedSize", "PadToFixedSize: {width: 40, height: 40}");
    RANDOM_CONFIG.put("CropToFixedSize", "CropToFixedSize: {width: 20, height: 20}");
    RANDOM_CONFIG.put("Resize", "Resize: {size: [0.5, 1.5]}");
    RANDOM_CONFIG.put("Add", "Add: {value: [-40, 40], per_channel: 0.5}");
    RANDOM_CONFIG.put("AddElementwise", "AddElementwise: {value: [-40, 40], per_channel: 0.5}");
    RANDOM_CONFIG.put("Multiply", "Multiply: {mul: [0.5, 1.5], per_channel: 0.5}");
    RANDOM_CONFIG.put(
        "MultiplyElementwise", "MultiplyElementwise: {mul: [0.5, 1.5], per_channel: 0.5}");
    RANDOM_CONFIG.put(
        "AdditiveGaussianNoise", "AdditiveGaussianNoise: {scale: [0, 20], per_channel: 0.5}");
    RANDOM_CONFIG.put("Invert", "Invert: {p: 0.5, per_channel: 0.5}");
    RANDOM_CONFIG.put("Dropout", "Dropout: {p: [0, 0.3], per_channel: 0.5}");
    RANDOM_CONFIG.put(
        "CoarseDropout", "CoarseDropout: {p: [0, 0.3], size_px: [2, 6], per_channel: 0.5}");
    RANDOM_CONFIG.put("SaltAndPepper", "SaltAndPepper: [0, 0.2]");
    RANDOM_CONFIG.put("LinearContrast", "LinearContrast: {alpha: [0.5, 1.5], per_channel: 0.5}");
    RANDOM_CONFIG.put("ContrastNormalization", "ContrastNormalization: [0.5, 1.5]");
    RANDOM_CONFIG.put("GammaContrast", "GammaContrast: {gamma: [0.5, 2.0], per_channel: 0.5}");
    RANDOM_CONFIG.put("Grayscale", "Grayscale: [0, 1]");
    RANDOM_CONFIG.put(
        "AddToHueAndSaturation", "AddToHueAndSaturation: {value: [-40, 40], per_channel: 0.5}");
    RANDOM_CONFIG.put("GaussianBlur", "GaussianBlur: [0, 2]");
    RANDOM_CONFIG.put("AverageBlur", "AverageBlur: [1, 5]");
    RANDOM_CONFIG.put("MedianBlur", "MedianBlur: [1, 5]");
    RANDOM_CONFIG.put("Sharpen", "Sharpen: {alpha: [0, 1], lightness: [0.8, 1.2]}");
    RANDOM_CONFIG.put("Emboss", "Emboss: {alpha: [0, 1], strength: [0, 2]}");
    RANDOM_CONFIG.put("PerspectiveTransform", "PerspectiveTransform: [0.01, 0.1]");
    RANDOM_CONFIG.put(
        "ElasticTransformation", "ElasticTransformation: {alpha: [0, 10], sigma: [2, 4]}");
    RANDOM_CONFIG.put("BackgroundReplacer", "");
  }

  static java.util.stream.Stream<String> configs() {
    return RANDOM_CONFIG.values().stream().filter(v -> !v.isEmpty());
  }

  @Test
  void everyRegisteredAugmenterHasARandomConfigHere() {
    // BackgroundReplacer needs a folder of images: its determinism is covered by its own tests
    assertThat(RANDOM_CONFIG.keySet())
        .containsExactlyInAnyOrderElementsOf(new AugmenterTreeBuilder(Path.of(".")).names());
  }

  @ParameterizedTest
  @MethodSource("configs")
  void sameStreamSameOutput(String yaml) {
    HwcImage in = Trees.texture(24, 32);
    Augmenter first = Trees.tree(yaml);
    Augmenter second = Trees.tree(yaml);
    boolean anyChange = false;
    for (int i = 0; i < 6; i++) {
      HwcImage a = first.apply(in, AugmentSeeds.streamFor(11, 2, i));
      HwcImage b = second.apply(in, AugmentSeeds.streamFor(11, 2, i));
      assertThat(a).as(yaml).isEqualTo(b);
      anyChange |= !a.equals(in);
    }
    assertThat(anyChange).as(yaml + " changes some image").isTrue();
  }
}
