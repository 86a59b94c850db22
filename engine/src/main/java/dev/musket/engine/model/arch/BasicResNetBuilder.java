package dev.musket.engine.model.arch;

import static dev.musket.engine.model.Padding.VALID;

import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ResNet-18/34 as the {@code classification_models} package (qubvel) that Musket used: a
 * batch-normalised input ({@code bn_data}, no scale), bias-free convolutions, and pre-activation
 * basic blocks (BN, ReLU, 3x3 conv, twice) whose first block in each stage has a 1x1 projection
 * shortcut; a final BN and ReLU close the backbone.
 *
 * <p>The depth is data: {@link #RESNET18} and {@link #RESNET34} differ only in blocks per stage.
 */
public final class BasicResNetBuilder implements ModelBuilder {

  public static final BasicResNetBuilder RESNET18 = new BasicResNetBuilder(List.of(2, 2, 2, 2));
  public static final BasicResNetBuilder RESNET34 = new BasicResNetBuilder(List.of(3, 4, 6, 3));

  static final double EPSILON = 2e-5;
  static final double MOMENTUM = 0.99;

  private final List<Integer> blocksPerStage;

  /** A basic-block ResNet with the given number of blocks in stages 2, 3, 4 and 5. */
  public BasicResNetBuilder(List<Integer> blocksPerStage) {
    this.blocksPerStage = List.copyOf(blocksPerStage);
  }

  /** The stem shared with ResNeXt: bn_data, 7x7/2 conv, BN, ReLU, 3x3/2 max pool. */
  static String stem(LayerGraph g, String input) {
    String x = g.batchNormNoScale("stem_bn_data", input, EPSILON, MOMENTUM);
    x = g.zeroPad("stem_pad", x, 3);
    x = g.conv("stem_conv1", x, 64, 7, 2, VALID, false);
    x = g.batchNorm("stem_bn1", x, EPSILON, MOMENTUM);
    x = g.relu("stem_relu1", x);
    x = g.zeroPad("stem_pool_pad", x, 1);
    return g.maxPool("stem_pool", x, 3, 2, VALID);
  }

  @Override
  public String addBackbone(LayerGraph g, String input) {
    String x = stem(g, input);
    for (int s = 0; s < blocksPerStage.size(); s++) {
      int filters = 64 << s;
      for (int b = 0; b < blocksPerStage.get(s); b++) {
        int stride = (b == 0 && s > 0) ? 2 : 1;
        x = block(g, x, "stage" + (s + 2) + "_block" + (b + 1), filters, stride, b == 0);
      }
    }
    x = g.batchNorm("final_bn", x, EPSILON, MOMENTUM);
    return g.relu("final_relu", x);
  }

  private static String block(
      LayerGraph g, String in, String name, int filters, int stride, boolean convShortcut) {
    String x = g.batchNorm(name + "_bn1", in, EPSILON, MOMENTUM);
    x = g.relu(name + "_relu1", x);
    String shortcut =
        convShortcut ? g.conv(name + "_shortcut_conv", x, filters, 1, stride, VALID, false) : in;
    x = g.zeroPad(name + "_pad1", x, 1);
    x = g.conv(name + "_conv1", x, filters, 3, stride, VALID, false);
    x = g.batchNorm(name + "_bn2", x, EPSILON, MOMENTUM);
    x = g.relu(name + "_relu2", x);
    x = g.zeroPad(name + "_pad2", x, 1);
    x = g.conv(name + "_conv2", x, filters, 3, 1, VALID, false);
    return g.add(name + "_add", x, shortcut);
  }

  /** classification_models' names: {@code bn_data}, {@code conv0}, {@code stage1_unit1_sc}... */
  @Override
  public String kerasLayerName(String layer) {
    return qubvelName(layer);
  }

  /** Our names to classification_models' (stages 2..5 are its stage1..4); null if unknown. */
  static String qubvelName(String layer) {
    switch (layer) {
      case "stem_bn_data", "stem_bn_data_beta":
        return "bn_data";
      case "stem_conv1":
        return "conv0";
      case "stem_bn1":
        return "bn0";
      case "final_bn":
        return "bn1";
      default:
        break;
    }
    Matcher m = BLOCK_LAYER.matcher(layer);
    if (!m.matches()) {
      return null;
    }
    String unit = "stage" + (Integer.parseInt(m.group(1)) - 1) + "_unit" + m.group(2) + "_";
    return switch (m.group(3)) {
      case "shortcut_conv" -> unit + "sc";
      case "shortcut_bn" -> unit + "sc_bn";
      default -> unit + m.group(3);
    };
  }

  private static final Pattern BLOCK_LAYER =
      Pattern.compile("stage(\\d+)_block(\\d+)_(conv\\d|bn\\d|shortcut_conv|shortcut_bn)");
}
