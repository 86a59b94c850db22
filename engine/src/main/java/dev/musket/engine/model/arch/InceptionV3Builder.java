package dev.musket.engine.model.arch;

import static dev.musket.engine.model.Padding.SAME;
import static dev.musket.engine.model.Padding.VALID;

import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;
import dev.musket.engine.model.Padding;

/**
 * Inception v3 as Keras applications: a five-convolution stem, then the eleven mixed blocks {@code
 * mixed0..mixed10} (35x35, 17x17 and 8x8 grids at 299x299 input). Each convolution is Keras' {@code
 * conv2d_bn}: no bias, batch norm without scale, ReLU.
 *
 * <p>The three 35x35 blocks and the 17x17 blocks differ only in data (pool branch filters, the 7x7
 * branches' width), passed as arguments.
 */
public final class InceptionV3Builder implements ModelBuilder {

  private static final double EPSILON = 1e-3;
  private static final double MOMENTUM = 0.99;

  /** Keras' {@code conv2d_bn}: bias-free convolution, batch norm without scale, ReLU. */
  static String convBn(
      LayerGraph g, String name, String in, int filters, int kh, int kw, int stride, Padding pad) {
    String x = g.conv(name + "_conv", in, filters, kh, kw, stride, pad, false);
    x = g.batchNormNoScale(name + "_bn", x, EPSILON, MOMENTUM);
    return g.relu(name + "_relu", x);
  }

  private static String convBn(LayerGraph g, String name, String in, int filters, int kh, int kw) {
    return convBn(g, name, in, filters, kh, kw, 1, SAME);
  }

  @Override
  public String addBackbone(LayerGraph g, String input) {
    String x = convBn(g, "stem1", input, 32, 3, 3, 2, VALID);
    x = convBn(g, "stem2", x, 32, 3, 3, 1, VALID);
    x = convBn(g, "stem3", x, 64, 3, 3);
    x = g.maxPool("stem_pool1", x, 3, 2, VALID);
    x = convBn(g, "stem4", x, 80, 1, 1, 1, VALID);
    x = convBn(g, "stem5", x, 192, 3, 3, 1, VALID);
    x = g.maxPool("stem_pool2", x, 3, 2, VALID);
    x = block35(g, x, "mixed0", 32);
    x = block35(g, x, "mixed1", 64);
    x = block35(g, x, "mixed2", 64);
    x = reduction35(g, x, "mixed3");
    x = block17(g, x, "mixed4", 128);
    x = block17(g, x, "mixed5", 160);
    x = block17(g, x, "mixed6", 160);
    x = block17(g, x, "mixed7", 192);
    x = reduction17(g, x, "mixed8");
    x = block8(g, x, "mixed9");
    return block8(g, x, "mixed10");
  }

  private static String block35(LayerGraph g, String x, String name, int poolFilters) {
    String b1 = convBn(g, name + "_b1x1", x, 64, 1, 1);
    String b5 = convBn(g, name + "_b5x5_1", x, 48, 1, 1);
    b5 = convBn(g, name + "_b5x5_2", b5, 64, 5, 5);
    String b3 = convBn(g, name + "_b3x3dbl_1", x, 64, 1, 1);
    b3 = convBn(g, name + "_b3x3dbl_2", b3, 96, 3, 3);
    b3 = convBn(g, name + "_b3x3dbl_3", b3, 96, 3, 3);
    String bp = g.avgPool(name + "_bpool_pool", x, 3, 1, SAME);
    bp = convBn(g, name + "_bpool", bp, poolFilters, 1, 1);
    return g.concat(name, b1, b5, b3, bp);
  }

  private static String reduction35(LayerGraph g, String x, String name) {
    String b3 = convBn(g, name + "_b3x3", x, 384, 3, 3, 2, VALID);
    String bd = convBn(g, name + "_b3x3dbl_1", x, 64, 1, 1);
    bd = convBn(g, name + "_b3x3dbl_2", bd, 96, 3, 3);
    bd = convBn(g, name + "_b3x3dbl_3", bd, 96, 3, 3, 2, VALID);
    String bp = g.maxPool(name + "_bpool", x, 3, 2, VALID);
    return g.concat(name, b3, bd, bp);
  }

  private static String block17(LayerGraph g, String x, String name, int width) {
    String b1 = convBn(g, name + "_b1x1", x, 192, 1, 1);
    String b7 = convBn(g, name + "_b7x7_1", x, width, 1, 1);
    b7 = convBn(g, name + "_b7x7_2", b7, width, 1, 7);
    b7 = convBn(g, name + "_b7x7_3", b7, 192, 7, 1);
    String bd = convBn(g, name + "_b7x7dbl_1", x, width, 1, 1);
    bd = convBn(g, name + "_b7x7dbl_2", bd, width, 7, 1);
    bd = convBn(g, name + "_b7x7dbl_3", bd, width, 1, 7);
    bd = convBn(g, name + "_b7x7dbl_4", bd, width, 7, 1);
    bd = convBn(g, name + "_b7x7dbl_5", bd, 192, 1, 7);
    String bp = g.avgPool(name + "_bpool_pool", x, 3, 1, SAME);
    bp = convBn(g, name + "_bpool", bp, 192, 1, 1);
    return g.concat(name, b1, b7, bd, bp);
  }

  private static String reduction17(LayerGraph g, String x, String name) {
    String b3 = convBn(g, name + "_b3x3_1", x, 192, 1, 1);
    b3 = convBn(g, name + "_b3x3_2", b3, 320, 3, 3, 2, VALID);
    String b7 = convBn(g, name + "_b7x7x3_1", x, 192, 1, 1);
    b7 = convBn(g, name + "_b7x7x3_2", b7, 192, 1, 7);
    b7 = convBn(g, name + "_b7x7x3_3", b7, 192, 7, 1);
    b7 = convBn(g, name + "_b7x7x3_4", b7, 192, 3, 3, 2, VALID);
    String bp = g.maxPool(name + "_bpool", x, 3, 2, VALID);
    return g.concat(name, b3, b7, bp);
  }

  private static String block8(LayerGraph g, String x, String name) {
    String b1 = convBn(g, name + "_b1x1", x, 320, 1, 1);
    String b3 = convBn(g, name + "_b3x3_1", x, 384, 1, 1);
    String b3a = convBn(g, name + "_b3x3_2a", b3, 384, 1, 3);
    String b3b = convBn(g, name + "_b3x3_2b", b3, 384, 3, 1);
    b3 = g.concat(name + "_b3x3", b3a, b3b);
    String bd = convBn(g, name + "_b3x3dbl_1", x, 448, 1, 1);
    bd = convBn(g, name + "_b3x3dbl_2", bd, 384, 3, 3);
    String bda = convBn(g, name + "_b3x3dbl_3a", bd, 384, 1, 3);
    String bdb = convBn(g, name + "_b3x3dbl_3b", bd, 384, 3, 1);
    bd = g.concat(name + "_b3x3dbl", bda, bdb);
    String bp = g.avgPool(name + "_bpool_pool", x, 3, 1, SAME);
    bp = convBn(g, name + "_bpool", bp, 192, 1, 1);
    return g.concat(name, b1, b3, bd, bp);
  }

  @Override
  public int minInputSize() {
    return 75;
  }

  @Override
  public int defaultInputSize() {
    return 299;
  }

  /** Keras named none of Inception v3's convolutions and batch norms: matched in creation order. */
  @Override
  public String kerasLayerName(String layer) {
    if (layer.endsWith("_conv")) {
      return "auto:conv2d";
    }
    if (layer.endsWith("_bn") || layer.endsWith("_bn_beta")) {
      return "auto:batch_normalization";
    }
    return null;
  }
}
