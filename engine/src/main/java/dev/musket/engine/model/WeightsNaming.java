package dev.musket.engine.model;

import java.util.List;

/**
 * The ways a DL4J weights zip can name the layers of one of our architectures: our own names (a zip
 * this engine saved), the DL4J model zoo's ({@code deeplearning4j-zoo}'s networks and their
 * published weights files), or Keras' (a Keras model imported with DL4J's KerasModelImport and
 * saved).
 *
 * <p>Why whole namings tried one after another, rather than matching layers by their order and
 * shapes: many layers of one network have the same shape (InceptionV3's parallel 1x1 branches,
 * Xception's 24 middle convolutions), and two graphs built by different code list parallel branches
 * in different orders, so structural matching could swap two layers without any error. A name
 * either exists in the file or not, so a wrong naming fails loudly, naming the layers it lacks.
 */
enum WeightsNaming {
  OURS("this engine's") {
    @Override
    List<String> names(ModelBuilder builder, String layer) {
      return List.of(layer);
    }
  },
  DL4J_ZOO("the DL4J model zoo's") {
    @Override
    List<String> names(ModelBuilder builder, String layer) {
      return builder.zooLayerNames(layer);
    }
  },
  KERAS("Keras'") {
    @Override
    List<String> names(ModelBuilder builder, String layer) {
      String keras = builder.kerasLayerName(layer);
      // generated names (conv2d_17) are matched by creation order in .h5 files only
      return keras == null || keras.startsWith(KerasWeightsImporter.AUTO)
          ? List.of()
          : List.of(keras);
    }
  };

  private final String description;

  WeightsNaming(String description) {
    this.description = description;
  }

  /** The names this naming may give our layer, most likely first; empty when it has none. */
  abstract List<String> names(ModelBuilder builder, String layer);

  /** For messages: "the DL4J model zoo's (layer names)". */
  String description() {
    return description;
  }
}
