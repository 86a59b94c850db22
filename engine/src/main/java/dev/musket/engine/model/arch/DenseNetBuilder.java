package dev.musket.engine.model.arch;

import static dev.musket.engine.model.Padding.SAME;
import static dev.musket.engine.model.Padding.VALID;

import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;
import java.util.List;

/**
 * DenseNet-121/169/201 as Keras applications: dense blocks of BN-ReLU-1x1-BN-ReLU-3x3 layers
 * (growth rate 32) whose outputs are concatenated, joined by transitions that halve the channels
 * and the resolution.
 *
 * <p>The depth is data, one block table: {@link #DENSENET121}, {@link #DENSENET169} and {@link
 * #DENSENET201} differ only in layers per dense block.
 */
public final class DenseNetBuilder implements ModelBuilder {

  public static final DenseNetBuilder DENSENET121 = new DenseNetBuilder(List.of(6, 12, 24, 16));
  public static final DenseNetBuilder DENSENET169 = new DenseNetBuilder(List.of(6, 12, 32, 32));
  public static final DenseNetBuilder DENSENET201 = new DenseNetBuilder(List.of(6, 12, 48, 32));

  private static final double EPSILON = 1.001e-5;
  private static final double MOMENTUM = 0.99;
  private static final int GROWTH_RATE = 32;
  private static final double REDUCTION = 0.5;

  private final List<Integer> layersPerBlock;

  public DenseNetBuilder(List<Integer> layersPerBlock) {
    this.layersPerBlock = List.copyOf(layersPerBlock);
  }

  @Override
  public String addBackbone(LayerGraph g, String input) {
    String x = g.zeroPad("stem_pad", input, 3);
    x = g.conv("stem_conv1", x, 64, 7, 2, VALID, false);
    x = g.batchNorm("stem_bn1", x, EPSILON, MOMENTUM);
    x = g.relu("stem_relu1", x);
    x = g.zeroPad("stem_pool_pad", x, 1);
    x = g.maxPool("stem_pool", x, 3, 2, VALID);
    for (int b = 0; b < layersPerBlock.size(); b++) {
      String stage = "stage" + (b + 2);
      for (int l = 0; l < layersPerBlock.get(b); l++) {
        x = convBlock(g, x, stage + "_block" + (l + 1));
      }
      if (b < layersPerBlock.size() - 1) {
        x = transition(g, x, stage + "_transition");
      }
    }
    x = g.batchNorm("final_bn", x, EPSILON, MOMENTUM);
    return g.relu("final_relu", x);
  }

  private static String convBlock(LayerGraph g, String in, String name) {
    String x = g.batchNorm(name + "_bn1", in, EPSILON, MOMENTUM);
    x = g.relu(name + "_relu1", x);
    x = g.conv(name + "_conv1", x, 4 * GROWTH_RATE, 1, 1, VALID, false);
    x = g.batchNorm(name + "_bn2", x, EPSILON, MOMENTUM);
    x = g.relu(name + "_relu2", x);
    x = g.conv(name + "_conv2", x, GROWTH_RATE, 3, 1, SAME, false);
    return g.concat(name + "_concat", in, x);
  }

  private static String transition(LayerGraph g, String in, String name) {
    String x = g.batchNorm(name + "_bn", in, EPSILON, MOMENTUM);
    x = g.relu(name + "_relu", x);
    x = g.conv(name + "_conv", x, (int) (g.channels(in) * REDUCTION), 1, 1, VALID, false);
    return g.avgPool(name + "_pool", x, 2, 2, VALID);
  }

  /** Keras' {@code conv1/conv}, {@code conv2_block1_0_bn}, {@code pool2_conv}, {@code bn}. */
  @Override
  public String kerasLayerName(String layer) {
    switch (layer) {
      case "stem_conv1":
        return "conv1/conv";
      case "stem_bn1":
        return "conv1/bn";
      case "final_bn":
        return "bn";
      default:
        break;
    }
    String[] parts = layer.split("_");
    String stage = parts[0].substring("stage".length());
    if (parts[1].equals("transition")) {
      return "pool" + stage + "_" + parts[2];
    }
    String block = "conv" + stage + "_" + parts[1] + "_";
    return switch (parts[2]) {
      case "bn1" -> block + "0_bn";
      case "conv1" -> block + "1_conv";
      case "bn2" -> block + "1_bn";
      case "conv2" -> block + "2_conv";
      default -> null;
    };
  }
}
