import dev.musket.engine.api.Architecture;
import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;
import dev.musket.engine.model.Padding;

/** A small VGG-style network for 28x28 images; Musket's head (pooling, dropout, dense) follows. */
public class FashionNets {

  @Architecture("FashionNet")
  public static ModelBuilder fashionNet() {
    return new ModelBuilder() {
      @Override
      public String addBackbone(LayerGraph g, String input) {
        String x = block(g, "block1_conv1", input, 32);
        x = block(g, "block1_conv2", x, 32);
        x = g.maxPool("block1_pool", x, 2, 2, Padding.VALID);
        x = block(g, "block2_conv1", x, 64);
        x = block(g, "block2_conv2", x, 64);
        x = g.maxPool("block2_pool", x, 2, 2, Padding.VALID);
        return block(g, "block3_conv1", x, 128);
      }

      @Override
      public int minInputSize() {
        return 16;
      }
    };
  }

  private static String block(LayerGraph g, String name, String in, int filters) {
    String x = g.conv(name, in, filters, 3, 1, Padding.SAME, false);
    x = g.batchNorm(name + "_bn", x, 1e-3, 0.99);
    return g.relu(name + "_relu", x);
  }
}
