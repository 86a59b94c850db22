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

  /**
   * The PyTorch peer's small CNN ({@code shared/bench/peer_fashion.py}), layer for layer: three 3x3
   * convolutions with bias (32, 64, 128), ReLU, max pooling after the first two; Musket's head
   * (global average pooling, dense 10) is the peer's tail. For timing the engine against the peer.
   */
  @Architecture("PeerSmallCNN")
  public static ModelBuilder peerSmallCnn() {
    return new ModelBuilder() {
      @Override
      public String addBackbone(LayerGraph g, String input) {
        String x = g.relu("conv1_relu", g.conv("conv1", input, 32, 3, 1, Padding.SAME, true));
        x = g.maxPool("pool1", x, 2, 2, Padding.VALID);
        x = g.relu("conv2_relu", g.conv("conv2", x, 64, 3, 1, Padding.SAME, true));
        x = g.maxPool("pool2", x, 2, 2, Padding.VALID);
        return g.relu("conv3_relu", g.conv("conv3", x, 128, 3, 1, Padding.SAME, true));
      }

      @Override
      public int minInputSize() {
        return 8;
      }
    };
  }
}
