import dev.musket.engine.api.Architecture;
import dev.musket.engine.model.LayerGraph;
import dev.musket.engine.model.ModelBuilder;
import dev.musket.engine.model.Padding;

/**
 * A small CNN for the 48x48 shapes, defined by the project itself: it trains in seconds on a laptop
 * CPU, so the workbench's charts, LR finder and comparison table can be tried without waiting for a
 * ResNet. Batch-norm momentum 0.9 (not Keras' 0.99): with a few dozen steps per run the
 * running statistics must settle quickly, or validation sees stale ones. Musket's head (pooling, dropout, dense) follows the backbone.
 */
public class ShapeNets {

  @Architecture("ShapesCNN")
  public static ModelBuilder shapesCnn() {
    return new ModelBuilder() {
      @Override
      public String addBackbone(LayerGraph g, String input) {
        String x = block(g, "block1", input, 16);
        x = g.maxPool("pool1", x, 2, 2, Padding.VALID);
        x = block(g, "block2", x, 32);
        x = g.maxPool("pool2", x, 2, 2, Padding.VALID);
        x = block(g, "block3", x, 64);
        x = g.maxPool("pool3", x, 2, 2, Padding.VALID);
        return block(g, "block4", x, 64);
      }

      @Override
      public int minInputSize() {
        return 16;
      }
    };
  }

  private static String block(LayerGraph g, String name, String in, int filters) {
    String x = g.conv(name + "_conv", in, filters, 3, 1, Padding.SAME, false);
    x = g.batchNorm(name + "_bn", x, 1e-3, 0.9);
    return g.relu(name + "_relu", x);
  }
}
