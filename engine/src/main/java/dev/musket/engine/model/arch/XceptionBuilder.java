package dev.musket.engine.model.arch;

import static dev.musket.engine.model.Padding.SAME;
import static dev.musket.engine.model.Padding.VALID;

import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;
import java.util.List;

/**
 * Xception as Keras applications: an entry flow of two convolutions and three strided separable
 * blocks with 1x1 projection shortcuts, eight 728-channel middle blocks, and an exit flow to 2048
 * channels. Every convolution is bias-free and followed by batch norm.
 */
public final class XceptionBuilder implements ModelBuilder {

  private static final double EPSILON = 1e-3;
  private static final double MOMENTUM = 0.99;
  private static final int MIDDLE_BLOCKS = 8;

  @Override
  public String addBackbone(LayerGraph g, String input) {
    String x = g.conv("block1_conv1", input, 32, 3, 2, VALID, false);
    x = g.batchNorm("block1_bn1", x, EPSILON, MOMENTUM);
    x = g.relu("block1_relu1", x);
    x = g.conv("block1_conv2", x, 64, 3, 1, VALID, false);
    x = g.batchNorm("block1_bn2", x, EPSILON, MOMENTUM);
    x = g.relu("block1_relu2", x);
    x = entryBlock(g, x, "block2", 128, 128, false);
    x = entryBlock(g, x, "block3", 256, 256, true);
    x = entryBlock(g, x, "block4", 728, 728, true);
    for (int i = 0; i < MIDDLE_BLOCKS; i++) {
      String name = "block" + (i + 5);
      String residual = x;
      for (int c = 1; c <= 3; c++) {
        x = g.relu(name + "_relu" + c, x);
        x = sepBn(g, x, name, c, 728);
      }
      x = g.add(name + "_add", x, residual);
    }
    x = entryBlock(g, x, "block13", 728, 1024, true);
    x = sepBn(g, x, "block14", 1, 1536);
    x = g.relu("block14_relu1", x);
    x = sepBn(g, x, "block14", 2, 2048);
    return g.relu("block14_relu2", x);
  }

  /** Two separable convolutions, a 3x3/2 max pooling, and a strided 1x1 projection shortcut. */
  private static String entryBlock(
      LayerGraph g, String in, String name, int filters1, int filters2, boolean reluFirst) {
    String residual = g.conv(name + "_shortcut_conv", in, filters2, 1, 2, SAME, false);
    residual = g.batchNorm(name + "_shortcut_bn", residual, EPSILON, MOMENTUM);
    String x = in;
    if (reluFirst) {
      x = g.relu(name + "_relu1", x);
    }
    x = sepBn(g, x, name, 1, filters1);
    x = g.relu(name + "_relu2", x);
    x = sepBn(g, x, name, 2, filters2);
    x = g.maxPool(name + "_pool", x, 3, 2, SAME);
    return g.add(name + "_add", x, residual);
  }

  private static String sepBn(LayerGraph g, String in, String name, int index, int filters) {
    String x = g.separable(name + "_sepconv" + index, in, filters, 3, 1, SAME, false);
    return g.batchNorm(name + "_sepbn" + index, x, EPSILON, MOMENTUM);
  }

  @Override
  public int minInputSize() {
    return 71;
  }

  @Override
  public int defaultInputSize() {
    return 299;
  }

  /**
   * The DL4J zoo's names: Keras' own, except the four shortcuts, which Keras left unnamed and the
   * zoo calls {@code residual1..3} (blocks 2 to 4) and {@code residual12} (block 13), the
   * convolution with a {@code _conv} suffix.
   */
  @Override
  public List<String> zooLayerNames(String layer) {
    if (layer.contains("_shortcut_")) {
      int block = Integer.parseInt(layer.substring("block".length(), layer.indexOf('_')));
      String residual = "residual" + (block == 13 ? 12 : block - 1);
      return List.of(layer.endsWith("_conv") ? residual + "_conv" : residual);
    }
    return List.of(kerasLayerName(layer));
  }

  /** Keras' names, except the shortcut convolutions and their batch norms, which Keras named. */
  @Override
  public String kerasLayerName(String layer) {
    if (layer.endsWith("_shortcut_conv")) {
      return "auto:conv2d";
    }
    if (layer.endsWith("_shortcut_bn")) {
      return "auto:batch_normalization";
    }
    if (layer.startsWith("block1_bn")) {
      return "block1_conv" + layer.substring("block1_bn".length()) + "_bn";
    }
    if (layer.contains("_sepbn")) {
      return layer.replace("_sepbn", "_sepconv") + "_bn";
    }
    return layer;
  }
}
