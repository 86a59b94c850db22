package dev.musket.engine.model.arch;

import static dev.musket.engine.model.Padding.SAME;
import static dev.musket.engine.model.Padding.VALID;

import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;
import java.util.List;
import org.nd4j.linalg.activations.Activation;

/**
 * MobileNet (v1, alpha 1.0, depth multiplier 1) as Keras applications: a 3x3/2 convolution, then 13
 * depthwise-separable blocks (depthwise 3x3, BN, ReLU6, pointwise 1x1, BN, ReLU6). Stride-2 blocks
 * pad one row and column at the bottom and right, then convolve without padding, as Keras does.
 *
 * <p>The blocks are data: {@link #BLOCKS} lists each block's pointwise filters and stride.
 */
public final class MobileNetBuilder implements ModelBuilder {

  /** One depthwise-separable block: its pointwise filters and its stride. */
  record Block(int filters, int stride) {}

  static final List<Block> BLOCKS =
      List.of(
          new Block(64, 1),
          new Block(128, 2),
          new Block(128, 1),
          new Block(256, 2),
          new Block(256, 1),
          new Block(512, 2),
          new Block(512, 1),
          new Block(512, 1),
          new Block(512, 1),
          new Block(512, 1),
          new Block(512, 1),
          new Block(1024, 2),
          new Block(1024, 1));

  private static final double EPSILON = 1e-3;
  private static final double MOMENTUM = 0.99;

  @Override
  public String addBackbone(LayerGraph g, String input) {
    String x = g.zeroPad("stem_pad", input, 0, 1, 0, 1);
    x = g.conv("stem_conv1", x, 32, 3, 2, VALID, false);
    x = g.batchNorm("stem_bn1", x, EPSILON, MOMENTUM);
    x = g.activation("stem_relu1", x, Activation.RELU6);
    for (int i = 0; i < BLOCKS.size(); i++) {
      Block block = BLOCKS.get(i);
      String name = "block" + (i + 1);
      if (block.stride() == 2) {
        x = g.zeroPad(name + "_pad", x, 0, 1, 0, 1);
      }
      x =
          g.depthwise(
              name + "_dwconv", x, 3, block.stride(), block.stride() == 1 ? SAME : VALID, false);
      x = g.batchNorm(name + "_dwbn", x, EPSILON, MOMENTUM);
      x = g.activation(name + "_dwrelu", x, Activation.RELU6);
      x = g.conv(name + "_pwconv", x, block.filters(), 1, 1, SAME, false);
      x = g.batchNorm(name + "_pwbn", x, EPSILON, MOMENTUM);
      x = g.activation(name + "_pwrelu", x, Activation.RELU6);
    }
    return x;
  }

  /** Keras' {@code conv1}, {@code conv1_bn}, {@code conv_dw_1}, {@code conv_pw_1_bn}... */
  @Override
  public String kerasLayerName(String layer) {
    if (layer.startsWith("stem_")) {
      return layer.equals("stem_conv1") ? "conv1" : "conv1_bn";
    }
    String[] parts = layer.split("_");
    String id = parts[0].substring("block".length());
    return switch (parts[1]) {
      case "dwconv" -> "conv_dw_" + id;
      case "dwbn" -> "conv_dw_" + id + "_bn";
      case "pwconv" -> "conv_pw_" + id;
      case "pwbn" -> "conv_pw_" + id + "_bn";
      default -> null;
    };
  }
}
