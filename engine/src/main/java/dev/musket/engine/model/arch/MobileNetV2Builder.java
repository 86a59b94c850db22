package dev.musket.engine.model.arch;

import static dev.musket.engine.model.Padding.SAME;

import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;
import java.util.List;
import org.nd4j.linalg.activations.Activation;

/**
 * MobileNetV2 (alpha 1.0) as Keras applications: a 3x3/2 convolution, 17 inverted residual blocks
 * (1x1 expansion, 3x3 depthwise, 1x1 linear projection, a residual add when shapes allow) and a
 * final 1x1 convolution to 1280 channels; batch norm with momentum 0.999.
 *
 * <p>The blocks are data: {@link #BLOCKS} lists each block's output filters, stride and expansion.
 * Keras' stride-2 padding ({@code correct_pad}, then "valid") equals TensorFlow's "same", which is
 * used here directly.
 */
public final class MobileNetV2Builder implements ModelBuilder {

  /** One inverted residual block. */
  record Block(int filters, int stride, int expansion) {}

  static final List<Block> BLOCKS =
      List.of(
          new Block(16, 1, 1),
          new Block(24, 2, 6),
          new Block(24, 1, 6),
          new Block(32, 2, 6),
          new Block(32, 1, 6),
          new Block(32, 1, 6),
          new Block(64, 2, 6),
          new Block(64, 1, 6),
          new Block(64, 1, 6),
          new Block(64, 1, 6),
          new Block(96, 1, 6),
          new Block(96, 1, 6),
          new Block(96, 1, 6),
          new Block(160, 2, 6),
          new Block(160, 1, 6),
          new Block(160, 1, 6),
          new Block(320, 1, 6));

  private static final double EPSILON = 1e-3;
  private static final double MOMENTUM = 0.999;

  @Override
  public String addBackbone(LayerGraph g, String input) {
    String x = g.conv("stem_conv1", input, 32, 3, 2, SAME, false);
    x = g.batchNorm("stem_bn1", x, EPSILON, MOMENTUM);
    x = g.activation("stem_relu1", x, Activation.RELU6);
    for (int i = 0; i < BLOCKS.size(); i++) {
      x = invertedResidual(g, x, "block" + i, BLOCKS.get(i));
    }
    x = g.conv("final_conv", x, 1280, 1, 1, SAME, false);
    x = g.batchNorm("final_bn", x, EPSILON, MOMENTUM);
    return g.activation("final_relu", x, Activation.RELU6);
  }

  private static String invertedResidual(LayerGraph g, String in, String name, Block block) {
    long inChannels = g.channels(in);
    String x = in;
    if (block.expansion() != 1) {
      x = g.conv(name + "_expand", x, (int) (block.expansion() * inChannels), 1, 1, SAME, false);
      x = g.batchNorm(name + "_expand_bn", x, EPSILON, MOMENTUM);
      x = g.activation(name + "_expand_relu", x, Activation.RELU6);
    }
    x = g.depthwise(name + "_dwconv", x, 3, block.stride(), SAME, false);
    x = g.batchNorm(name + "_dwbn", x, EPSILON, MOMENTUM);
    x = g.activation(name + "_dwrelu", x, Activation.RELU6);
    x = g.conv(name + "_project", x, block.filters(), 1, 1, SAME, false);
    x = g.batchNorm(name + "_project_bn", x, EPSILON, MOMENTUM);
    if (inChannels == block.filters() && block.stride() == 1) {
      x = g.add(name + "_add", in, x);
    }
    return x;
  }

  /** Keras' {@code Conv1}, {@code bn_Conv1}, {@code block_1_expand_BN}, {@code Conv_1_bn}... */
  @Override
  public String kerasLayerName(String layer) {
    switch (layer) {
      case "stem_conv1":
        return "Conv1";
      case "stem_bn1":
        return "bn_Conv1";
      case "final_conv":
        return "Conv_1";
      case "final_bn":
        return "Conv_1_bn";
      default:
        break;
    }
    int split = layer.indexOf('_');
    String id = layer.substring("block".length(), split);
    String prefix = id.equals("0") ? "expanded_conv_" : "block_" + id + "_";
    return switch (layer.substring(split + 1)) {
      case "expand" -> prefix + "expand";
      case "expand_bn" -> prefix + "expand_BN";
      case "dwconv" -> prefix + "depthwise";
      case "dwbn" -> prefix + "depthwise_BN";
      case "project" -> prefix + "project";
      case "project_bn" -> prefix + "project_BN";
      default -> null;
    };
  }
}
