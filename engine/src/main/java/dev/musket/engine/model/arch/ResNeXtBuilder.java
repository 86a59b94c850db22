package dev.musket.engine.model.arch;

import static dev.musket.engine.model.Padding.VALID;
import static dev.musket.engine.model.arch.BasicResNetBuilder.EPSILON;
import static dev.musket.engine.model.arch.BasicResNetBuilder.MOMENTUM;

import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;
import java.util.List;

/**
 * ResNeXt-50/101 (32x4d) as the {@code classification_models} package Musket used: the stem of its
 * ResNets, then bottleneck blocks whose 3x3 convolution is split into 32 groups, and a 1x1
 * projection shortcut in each stage's first block.
 *
 * <p>DL4J has no grouped convolution, so a group is a channel slice ({@code SubsetVertex}), a
 * convolution, and a concatenation of the 32 results; the parameters are exactly Keras'. The depth
 * is data: {@link #RESNEXT50} and {@link #RESNEXT101} differ only in blocks per stage.
 */
public final class ResNeXtBuilder implements ModelBuilder {

  public static final ResNeXtBuilder RESNEXT50 = new ResNeXtBuilder(List.of(3, 4, 6, 3));
  public static final ResNeXtBuilder RESNEXT101 = new ResNeXtBuilder(List.of(3, 4, 23, 3));

  private static final int GROUPS = 32;

  private final List<Integer> blocksPerStage;

  public ResNeXtBuilder(List<Integer> blocksPerStage) {
    this.blocksPerStage = List.copyOf(blocksPerStage);
  }

  @Override
  public String addBackbone(LayerGraph g, String input) {
    String x = BasicResNetBuilder.stem(g, input);
    for (int s = 0; s < blocksPerStage.size(); s++) {
      int filters = 128 << s;
      for (int b = 0; b < blocksPerStage.get(s); b++) {
        int stride = (b == 0 && s > 0) ? 2 : 1;
        x = block(g, x, "stage" + (s + 2) + "_block" + (b + 1), filters, stride, b == 0);
      }
    }
    return x;
  }

  private static String block(
      LayerGraph g, String in, String name, int filters, int stride, boolean convShortcut) {
    String x = g.conv(name + "_conv1", in, filters, 1, 1, VALID, false);
    x = g.batchNorm(name + "_bn1", x, EPSILON, MOMENTUM);
    x = g.relu(name + "_relu1", x);
    x = g.zeroPad(name + "_pad2", x, 1);
    x = groupConv(g, x, name + "_conv2", filters, stride);
    x = g.batchNorm(name + "_bn2", x, EPSILON, MOMENTUM);
    x = g.relu(name + "_relu2", x);
    x = g.conv(name + "_conv3", x, filters * 2, 1, 1, VALID, false);
    x = g.batchNorm(name + "_bn3", x, EPSILON, MOMENTUM);
    String shortcut = in;
    if (convShortcut) {
      shortcut = g.conv(name + "_shortcut_conv", in, filters * 2, 1, stride, VALID, false);
      shortcut = g.batchNorm(name + "_shortcut_bn", shortcut, EPSILON, MOMENTUM);
    }
    x = g.add(name + "_add", x, shortcut);
    return g.relu(name + "_out", x);
  }

  private static String groupConv(LayerGraph g, String in, String name, int filters, int stride) {
    long width = g.channels(in) / GROUPS;
    String[] groups = new String[GROUPS];
    for (int i = 0; i < GROUPS; i++) {
      String slice =
          g.channelSlice(name + "_group" + (i + 1) + "_slice", in, i * width, (i + 1) * width);
      groups[i] =
          g.conv(name + "_group" + (i + 1), slice, filters / GROUPS, 3, stride, VALID, false);
    }
    return g.concat(name, groups);
  }

  /** classification_models' names; its grouped convolutions' layers were named by Keras. */
  @Override
  public String kerasLayerName(String layer) {
    if (layer.matches("stage\\d+_block\\d+_conv2_group\\d+")) {
      return "auto:conv2d";
    }
    return BasicResNetBuilder.qubvelName(layer);
  }
}
