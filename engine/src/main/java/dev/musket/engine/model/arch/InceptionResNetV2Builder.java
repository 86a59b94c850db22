package dev.musket.engine.model.arch;

import static dev.musket.engine.model.Padding.SAME;
import static dev.musket.engine.model.Padding.VALID;
import static dev.musket.engine.model.arch.InceptionV3Builder.convBn;

import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;

/**
 * Inception-ResNet v2 as Keras applications: the Inception stem, {@code mixed_5b}, 10 block35
 * (scale 0.17), {@code mixed_6a}, 20 block17 (scale 0.1), {@code mixed_7a}, 10 block8 (scale 0.2,
 * the last one without activation at scale 1.0) and a 1x1 convolution to 1536 channels.
 *
 * <p>The residual blocks are data: {@link Residual} holds each type's branches, scale and count. A
 * block adds {@code scale * up(concat(branches))} to its input, {@code up} being a biased 1x1
 * convolution without batch norm.
 */
public final class InceptionResNetV2Builder implements ModelBuilder {

  /** The three residual block types, how many of each, and their residual scale. */
  enum Residual {
    BLOCK35(10, 0.17),
    BLOCK17(20, 0.1),
    BLOCK8(10, 0.2);

    final int count;
    final double scale;

    Residual(int count, double scale) {
      this.count = count;
      this.scale = scale;
    }
  }

  @Override
  public String addBackbone(LayerGraph g, String input) {
    String x = convBn(g, "stem1", input, 32, 3, 3, 2, VALID);
    x = convBn(g, "stem2", x, 32, 3, 3, 1, VALID);
    x = convBn(g, "stem3", x, 64, 3, 3, 1, SAME);
    x = g.maxPool("stem_pool1", x, 3, 2, VALID);
    x = convBn(g, "stem4", x, 80, 1, 1, 1, VALID);
    x = convBn(g, "stem5", x, 192, 3, 3, 1, VALID);
    x = g.maxPool("stem_pool2", x, 3, 2, VALID);

    String b0 = conv(g, "mixed_5b_b0", x, 96, 1, 1);
    String b1 = conv(g, "mixed_5b_b1_1", x, 48, 1, 1);
    b1 = conv(g, "mixed_5b_b1_2", b1, 64, 5, 5);
    String b2 = conv(g, "mixed_5b_b2_1", x, 64, 1, 1);
    b2 = conv(g, "mixed_5b_b2_2", b2, 96, 3, 3);
    b2 = conv(g, "mixed_5b_b2_3", b2, 96, 3, 3);
    String bp = g.avgPool("mixed_5b_bpool_pool", x, 3, 1, SAME);
    bp = conv(g, "mixed_5b_bpool", bp, 64, 1, 1);
    x = g.concat("mixed_5b", b0, b1, b2, bp);
    x = residuals(g, x, Residual.BLOCK35);

    b0 = convBn(g, "mixed_6a_b0", x, 384, 3, 3, 2, VALID);
    b1 = conv(g, "mixed_6a_b1_1", x, 256, 1, 1);
    b1 = conv(g, "mixed_6a_b1_2", b1, 256, 3, 3);
    b1 = convBn(g, "mixed_6a_b1_3", b1, 384, 3, 3, 2, VALID);
    bp = g.maxPool("mixed_6a_bpool", x, 3, 2, VALID);
    x = g.concat("mixed_6a", b0, b1, bp);
    x = residuals(g, x, Residual.BLOCK17);

    b0 = conv(g, "mixed_7a_b0_1", x, 256, 1, 1);
    b0 = convBn(g, "mixed_7a_b0_2", b0, 384, 3, 3, 2, VALID);
    b1 = conv(g, "mixed_7a_b1_1", x, 256, 1, 1);
    b1 = convBn(g, "mixed_7a_b1_2", b1, 288, 3, 3, 2, VALID);
    b2 = conv(g, "mixed_7a_b2_1", x, 256, 1, 1);
    b2 = conv(g, "mixed_7a_b2_2", b2, 288, 3, 3);
    b2 = convBn(g, "mixed_7a_b2_3", b2, 320, 3, 3, 2, VALID);
    bp = g.maxPool("mixed_7a_bpool", x, 3, 2, VALID);
    x = g.concat("mixed_7a", b0, b1, b2, bp);
    x = residuals(g, x, Residual.BLOCK8);

    return conv(g, "conv_7b", x, 1536, 1, 1);
  }

  private static String conv(LayerGraph g, String name, String in, int filters, int kh, int kw) {
    return convBn(g, name, in, filters, kh, kw, 1, SAME);
  }

  private static String residuals(LayerGraph g, String x, Residual type) {
    for (int i = 1; i <= type.count; i++) {
      boolean last = type == Residual.BLOCK8 && i == type.count;
      x =
          residualBlock(
              g, x, type, type.name().toLowerCase() + "_" + i, last ? 1.0 : type.scale, !last);
    }
    return x;
  }

  private static String residualBlock(
      LayerGraph g, String x, Residual type, String name, double scale, boolean relu) {
    String mixed =
        switch (type) {
          case BLOCK35 -> {
            String b0 = conv(g, name + "_b0", x, 32, 1, 1);
            String b1 = conv(g, name + "_b1_1", x, 32, 1, 1);
            b1 = conv(g, name + "_b1_2", b1, 32, 3, 3);
            String b2 = conv(g, name + "_b2_1", x, 32, 1, 1);
            b2 = conv(g, name + "_b2_2", b2, 48, 3, 3);
            b2 = conv(g, name + "_b2_3", b2, 64, 3, 3);
            yield g.concat(name + "_mixed", b0, b1, b2);
          }
          case BLOCK17 -> {
            String b0 = conv(g, name + "_b0", x, 192, 1, 1);
            String b1 = conv(g, name + "_b1_1", x, 128, 1, 1);
            b1 = conv(g, name + "_b1_2", b1, 160, 1, 7);
            b1 = conv(g, name + "_b1_3", b1, 192, 7, 1);
            yield g.concat(name + "_mixed", b0, b1);
          }
          case BLOCK8 -> {
            String b0 = conv(g, name + "_b0", x, 192, 1, 1);
            String b1 = conv(g, name + "_b1_1", x, 192, 1, 1);
            b1 = conv(g, name + "_b1_2", b1, 224, 1, 3);
            b1 = conv(g, name + "_b1_3", b1, 256, 3, 1);
            yield g.concat(name + "_mixed", b0, b1);
          }
        };
    String up = g.conv(name + "_conv", mixed, (int) g.channels(x), 1, 1, SAME, true);
    String scaled = g.scale(name + "_scale", up, scale);
    String sum = g.add(name + "_add", x, scaled);
    return relu ? g.relu(name + "_relu", sum) : sum;
  }

  @Override
  public int minInputSize() {
    return 75;
  }

  @Override
  public int defaultInputSize() {
    return 299;
  }

  /** Keras names the residual {@code blockNN_i_conv} and {@code conv_7b}; the rest it generated. */
  @Override
  public String kerasLayerName(String layer) {
    if (layer.matches("block(35|17|8)_\\d+_conv")) {
      return layer;
    }
    if (layer.startsWith("conv_7b_")) {
      return layer.startsWith("conv_7b_conv") ? "conv_7b" : "conv_7b_bn";
    }
    if (layer.endsWith("_conv")) {
      return "auto:conv2d";
    }
    if (layer.endsWith("_bn") || layer.endsWith("_bn_beta")) {
      return "auto:batch_normalization";
    }
    return null;
  }
}
