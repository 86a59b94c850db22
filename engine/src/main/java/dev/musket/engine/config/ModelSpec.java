package dev.musket.engine.config;

import java.util.List;

/**
 * What network to build: backbone, heads (one per entry of {@code classes}), input, pooling,
 * dropout, pretrained weights and whether the encoder starts frozen.
 *
 * @param weights {@code imagenet} etc., or {@code null} for random initialisation
 */
public record ModelSpec(
    String architecture,
    List<Integer> classes,
    List<String> activations,
    InputShape shape,
    String pooling,
    String weights,
    double dropout,
    boolean freezeEncoder,
    boolean copyWeights) {

  public ModelSpec {
    classes = List.copyOf(classes);
    activations = List.copyOf(activations);
  }

  public boolean isMultiOutput() {
    return classes.size() > 1;
  }
}
