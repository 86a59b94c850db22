package dev.musket.engine.model.arch;

import static dev.musket.engine.model.Padding.SAME;
import static dev.musket.engine.model.Padding.VALID;

import dev.musket.engine.model.KerasTop;
import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;
import java.util.List;
import org.nd4j.linalg.activations.Activation;

/**
 * VGG-16/19 as Keras applications: five blocks of biased 3x3 ReLU convolutions, each closed by a
 * 2x2 max pooling; Keras' top is flatten and two 4096-unit layers.
 *
 * <p>The depth is data: {@link #VGG16} and {@link #VGG19} differ only in convolutions per block.
 */
public final class VggBuilder implements ModelBuilder {

  public static final VggBuilder VGG16 = new VggBuilder(List.of(2, 2, 3, 3, 3));
  public static final VggBuilder VGG19 = new VggBuilder(List.of(2, 2, 4, 4, 4));

  private static final List<Integer> FILTERS = List.of(64, 128, 256, 512, 512);

  private final List<Integer> convsPerBlock;

  public VggBuilder(List<Integer> convsPerBlock) {
    this.convsPerBlock = List.copyOf(convsPerBlock);
  }

  @Override
  public String addBackbone(LayerGraph g, String input) {
    String x = input;
    for (int b = 0; b < convsPerBlock.size(); b++) {
      String block = "block" + (b + 1);
      for (int c = 0; c < convsPerBlock.get(b); c++) {
        x = g.conv(block + "_conv" + (c + 1), x, FILTERS.get(b), 3, 1, SAME, true);
        x = g.activation(block + "_relu" + (c + 1), x, Activation.RELU);
      }
      x = g.maxPool(block + "_pool", x, 2, 2, VALID);
    }
    return x;
  }

  /**
   * The DL4J zoo numbers VGG's layers instead of naming them: {@code "0"} is block1_conv1, each
   * block's convolutions are followed by its pooling ({@code "2"} after block 1...). Its published
   * files, converted from Keras, carry Keras' names, which are ours.
   */
  @Override
  public List<String> zooLayerNames(String layer) {
    int index = 0;
    for (int b = 0; b < convsPerBlock.size(); b++) {
      for (int c = 0; c < convsPerBlock.get(b); c++) {
        if (layer.equals("block" + (b + 1) + "_conv" + (c + 1))) {
          return List.of(String.valueOf(index));
        }
        index++;
      }
      index++; // the block's pooling
    }
    return List.of();
  }

  @Override
  public KerasTop top() {
    return KerasTop.FLATTEN_FC4096;
  }
}
