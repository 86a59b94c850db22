package dev.musket.engine.model;

import java.util.List;

/**
 * The two classifier tops of Keras applications ({@code include_top=True}).
 *
 * <p>Why it matters: {@code musket summary --include-top} must reproduce Keras' parameter counts,
 * and VGG's top (flatten, two 4096-unit layers) depends on the input size while every other one is
 * a global average pooling and a dense layer.
 */
public enum KerasTop {
  /** Global average pooling, then Dense(classes). */
  GLOBAL_AVERAGE(false, List.of()),
  /** Flatten, Dense(4096, relu) twice, then Dense(classes): VGG16 and VGG19. */
  FLATTEN_FC4096(true, List.of(4096, 4096));

  private final boolean flatten;
  private final List<Integer> hiddenUnits;

  KerasTop(boolean flatten, List<Integer> hiddenUnits) {
    this.flatten = flatten;
    this.hiddenUnits = hiddenUnits;
  }

  /** Whether the feature map is flattened rather than pooled. */
  public boolean flatten() {
    return flatten;
  }

  /** Units of the hidden ReLU dense layers before the classifier. */
  public List<Integer> hiddenUnits() {
    return hiddenUnits;
  }
}
