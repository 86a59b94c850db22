package dev.musket.engine.model;

import java.util.List;

/**
 * Builds one backbone architecture into a graph: the network without its classifier top, as Keras'
 * {@code include_top=False}.
 *
 * <p>Why so small: the head (pooling, dropout, one dense layer per output), weights and freezing
 * are the same for every architecture and live in {@link ModelAssembler}; a builder only knows its
 * own layers. Project code registers its own architectures with {@link
 * ModelRegistry#register(String, ModelBuilder)}, a lambda being enough.
 */
@FunctionalInterface
public interface ModelBuilder {

  /**
   * Adds the backbone's layers after {@code input} and returns the name of its last vertex, whose
   * activation is a 4-D feature map.
   */
  String addBackbone(LayerGraph graph, String input);

  /** The classifier Keras puts on top with {@code include_top=True}. */
  default KerasTop top() {
    return KerasTop.GLOBAL_AVERAGE;
  }

  /**
   * The smallest height and width at which the architecture's own definition works (Keras' {@code
   * min_size}). Inputs smaller than this, down to {@link InputPadding#SMALLEST_INPUT}, are
   * zero-padded (centered) up to it by {@link ModelAssembler}, so a builder never sees them.
   */
  default int minInputSize() {
    return 32;
  }

  /**
   * The Keras layer holding the weights of one of our layers, for Keras {@code .h5} weights files:
   * a name, {@code auto:conv2d} (or {@code auto:batch_normalization}...) for a name Keras
   * generated, matched in creation order, or null when Keras has no such layer. The default assumes
   * our names are Keras' own.
   */
  default String kerasLayerName(String layer) {
    return layer;
  }

  /**
   * The names the DL4J model zoo ({@code deeplearning4j-zoo} 1.0.0-M2.1) gives one of our layers,
   * for the zoo's weights files: the name in the zoo's own definition first, then other names its
   * published weights file may use. Empty when the zoo has no such layer; by default the zoo has no
   * such architecture. See {@code docs/pretrained-weights.md}.
   */
  default List<String> zooLayerNames(String layer) {
    return List.of();
  }

  /** Keras' default input size, at which the reference parameter counts hold. */
  default int defaultInputSize() {
    return 224;
  }
}
