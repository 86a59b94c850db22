package dev.musket.engine.model;

import static dev.musket.engine.model.Padding.SAME;
import static dev.musket.engine.model.Padding.VALID;

/**
 * A registered custom architecture small enough for fast tests of what every architecture shares
 * (head, freezing, weights): an input batch norm without scale, a strided convolution, batch norm,
 * ReLU, as the classification_models ResNets start.
 */
final class TinyArchitecture implements ModelBuilder {

  static final String NAME = "TinyNet";

  static ModelRegistry registry() {
    return ModelRegistry.standard().register(NAME, new TinyArchitecture());
  }

  @Override
  public String addBackbone(LayerGraph g, String input) {
    String x = g.batchNormNoScale("stem_bn_data", input, 2e-5, 0.99);
    x = g.conv("stem_conv1", x, 8, 3, 2, VALID, false);
    x = g.batchNorm("stem_bn1", x, 1e-3, 0.99);
    x = g.relu("stem_relu1", x);
    x = g.conv("stage2_block1_conv1", x, 8, 3, 1, SAME, true);
    return g.relu("stage2_block1_relu1", x);
  }

  /** Keras names as classification_models and Inception mix them: given and generated ones. */
  @Override
  public String kerasLayerName(String layer) {
    return switch (layer) {
      case "stem_bn_data", "stem_bn_data_beta" -> "bn_data";
      case "stem_conv1", "stage2_block1_conv1" -> "auto:conv2d";
      case "stem_bn1" -> "bn0";
      default -> null;
    };
  }
}
