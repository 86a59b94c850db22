package dev.musket.engine.onednn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The per-geometry layout choice measured with {@code bench/run --conv-shapes}: image-facing
 * convolutions run forward and backward-weights blocked and backward-data plain, 1x1 convolutions
 * with at least an 8x8 output run plain, the rest blocked. Each row is a convolution of the bench
 * networks; the layer tests prove every combination computes DL4J's results.
 */
class ConvLayoutsTest {

  @ParameterizedTest(name = "{0}x{0}/{1} {2}->{3} on {4}x{4}: {5}")
  @CsvSource({
    "7, 2, 3, 64, 224, BPB", // ResNet's stem
    "3, 1, 3, 32, 64, BPB", // the small CNN's first convolution
    "3, 1, 64, 64, 16, BBB",
    "3, 1, 512, 512, 2, BBB",
    "1, 1, 256, 128, 16, PPP", // DenseNet bottleneck
    "1, 1, 960, 160, 2, BBB", // MobileNetV2's last stage
    "1, 1, 192, 64, 4, BBB",
    "1, 2, 64, 128, 16, PPP", // ResNet projection with an 8x8 output
    "1, 2, 128, 256, 8, BBB"
  })
  void choosesPerGeometry(int kernel, int stride, int in, int out, int size, String expected) {
    ConvGeometry g = new ConvGeometry(16, in, out, kernel, stride, kernel / 2, size, size);
    ConvLayouts l = ConvLayouts.chosenFor(g);
    String code =
        (l.forward() ? "B" : "P")
            + (l.backwardData() ? "B" : "P")
            + (l.backwardWeights() ? "B" : "P");
    assertThat(code).isEqualTo(expected);
  }
}
