package dev.musket.engine.model.arch;

import static dev.musket.engine.model.Padding.SAME;
import static dev.musket.engine.model.Padding.VALID;

import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ResNet-50/101/152 as Keras applications' {@code resnet.py} (v1, bottleneck blocks, biased
 * convolutions, batch-norm epsilon 1.001e-5).
 *
 * <p>The depth is data: {@link #RESNET50}, {@link #RESNET101} and {@link #RESNET152} differ only in
 * the number of blocks per stage. Stages are numbered 2 to 5 as in Keras ({@code conv2..conv5}).
 */
public final class ResNetBuilder implements ModelBuilder {

  private static final List<Integer> RESNET50_BLOCKS = List.of(3, 4, 6, 3);

  public static final ResNetBuilder RESNET50 = new ResNetBuilder(RESNET50_BLOCKS);
  public static final ResNetBuilder RESNET101 = new ResNetBuilder(List.of(3, 4, 23, 3));
  public static final ResNetBuilder RESNET152 = new ResNetBuilder(List.of(3, 8, 36, 3));

  private static final double EPSILON = 1.001e-5;
  private static final double MOMENTUM = 0.99;

  private final List<Integer> blocksPerStage;

  /** A bottleneck ResNet with the given number of blocks in stages 2, 3, 4 and 5. */
  public ResNetBuilder(List<Integer> blocksPerStage) {
    this.blocksPerStage = List.copyOf(blocksPerStage);
  }

  @Override
  public String addBackbone(LayerGraph g, String input) {
    String x = g.zeroPad("stem_pad", input, 3);
    x = g.conv("stem_conv1", x, 64, 7, 2, VALID, true);
    x = g.batchNorm("stem_bn1", x, EPSILON, MOMENTUM);
    x = g.relu("stem_relu1", x);
    x = g.zeroPad("stem_pool_pad", x, 1);
    x = g.maxPool("stem_pool", x, 3, 2, VALID);
    for (int s = 0; s < blocksPerStage.size(); s++) {
      int filters = 64 << s;
      for (int b = 0; b < blocksPerStage.get(s); b++) {
        int stride = (b == 0 && s > 0) ? 2 : 1;
        x = block(g, x, "stage" + (s + 2) + "_block" + (b + 1), filters, stride, b == 0);
      }
    }
    return x;
  }

  private static String block(
      LayerGraph g, String in, String name, int filters, int stride, boolean convShortcut) {
    String shortcut = in;
    if (convShortcut) {
      shortcut = g.conv(name + "_shortcut_conv", in, 4 * filters, 1, stride, VALID, true);
      shortcut = g.batchNorm(name + "_shortcut_bn", shortcut, EPSILON, MOMENTUM);
    }
    String x = g.conv(name + "_conv1", in, filters, 1, stride, VALID, true);
    x = g.batchNorm(name + "_bn1", x, EPSILON, MOMENTUM);
    x = g.relu(name + "_relu1", x);
    x = g.conv(name + "_conv2", x, filters, 3, 1, SAME, true);
    x = g.batchNorm(name + "_bn2", x, EPSILON, MOMENTUM);
    x = g.relu(name + "_relu2", x);
    x = g.conv(name + "_conv3", x, 4 * filters, 1, 1, VALID, true);
    x = g.batchNorm(name + "_bn3", x, EPSILON, MOMENTUM);
    x = g.add(name + "_add", shortcut, x);
    return g.relu(name + "_out", x);
  }

  /** Keras' {@code conv1_conv}, {@code conv2_block1_1_conv}, {@code conv2_block1_0_bn}... */
  @Override
  public String kerasLayerName(String layer) {
    if (layer.startsWith("stem_")) {
      return layer.equals("stem_conv1") ? "conv1_conv" : "conv1_bn";
    }
    Matcher m = BLOCK_LAYER.matcher(layer);
    if (!m.matches()) {
      return null;
    }
    String kind = m.group(3);
    String index = kind.startsWith("shortcut") ? "0" : kind.substring(kind.length() - 1);
    String type = kind.contains("conv") ? "conv" : "bn";
    return "conv" + m.group(1) + "_block" + m.group(2) + "_" + index + "_" + type;
  }

  /**
   * The DL4J zoo's ResNet50 names ({@code stem-cnn1}, {@code res2a_branch2a}, {@code
   * bn2a_branch1}...), which are old Keras' for the blocks; its published file, converted from
   * Keras, may name the stem as old Keras did ({@code conv1}, {@code bn_conv1}). The zoo has no
   * ResNet101 or ResNet152.
   */
  @Override
  public List<String> zooLayerNames(String layer) {
    if (!blocksPerStage.equals(RESNET50_BLOCKS)) {
      return List.of();
    }
    if (layer.equals("stem_conv1")) {
      return List.of("stem-cnn1", "conv1");
    }
    if (layer.equals("stem_bn1")) {
      return List.of("stem-batch1", "bn_conv1");
    }
    Matcher m = BLOCK_LAYER.matcher(layer);
    if (!m.matches()) {
      return List.of();
    }
    String kind = m.group(3);
    String block = m.group(1) + (char) ('a' + Integer.parseInt(m.group(2)) - 1) + "_branch";
    String branch = kind.startsWith("shortcut") ? "1" : "2" + (char) ('a' + lastDigit(kind) - 1);
    String type = kind.contains("conv") ? "res" : "bn";
    return List.of(type + block + branch);
  }

  private static int lastDigit(String kind) {
    return kind.charAt(kind.length() - 1) - '0';
  }

  private static final Pattern BLOCK_LAYER =
      Pattern.compile("stage(\\d+)_block(\\d+)_(conv\\d|bn\\d|shortcut_conv|shortcut_bn)");
}
