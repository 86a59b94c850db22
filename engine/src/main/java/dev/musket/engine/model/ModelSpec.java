package dev.musket.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Everything that decides a classification network, with Musket's names: the {@code architecture}
 * backbone, the input {@code shape} (H, W, C), one head per entry of {@code classes} with its
 * {@code activation}, {@code pooling}, {@code dropout}, {@code weights} and {@code copyWeights}.
 *
 * <p>Why a value with a builder: the same spec yields the cheap, serialisable configuration and the
 * allocated network ({@link ModelAssembler}), and tests and the CLI set only what they need. Create
 * one with {@link #builder(String)}.
 *
 * @param losses one loss per head; empty means "from the activation" ({@link
 *     HeadActivation#defaultLoss})
 */
public record ModelSpec(
    String architecture,
    int height,
    int width,
    int channels,
    List<Integer> classes,
    List<String> activations,
    Pooling pooling,
    double dropout,
    boolean includeTop,
    String weights,
    boolean copyWeights,
    long seed,
    IUpdater updater,
    List<ILossFunction> losses) {

  public ModelSpec {
    Objects.requireNonNull(architecture, "architecture");
    classes = List.copyOf(classes);
    activations = List.copyOf(activations);
    losses = List.copyOf(losses);
    if (height < 1 || width < 1 || channels < 1) {
      throw new IllegalArgumentException(
          "shape must be positive, got " + height + "," + width + "," + channels);
    }
    if (classes.isEmpty() || classes.stream().anyMatch(c -> c < 1)) {
      throw new IllegalArgumentException("classes must be at least 1, got " + classes);
    }
    if (activations.size() != 1 && activations.size() != classes.size()) {
      throw new IllegalArgumentException(
          "activation must be one value or one per entry of classes " + classes);
    }
    if (!losses.isEmpty() && losses.size() != classes.size()) {
      throw new IllegalArgumentException("losses must be one per entry of classes " + classes);
    }
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    Objects.requireNonNull(pooling, "pooling");
    Objects.requireNonNull(updater, "updater");
  }

  /** A builder with Musket's defaults: 224x224x3, one softmax head of 1000 classes, avg pooling. */
  public static Builder builder(String architecture) {
    return new Builder(architecture);
  }

  /** The number of heads (outputs). */
  public int heads() {
    return classes.size();
  }

  /** The activation of head {@code i}. */
  public String activation(int head) {
    return activations.size() == 1 ? activations.get(0) : activations.get(head);
  }

  /** A builder starting from this spec. */
  public Builder toBuilder() {
    Builder b = new Builder(architecture);
    b.height = height;
    b.width = width;
    b.channels = channels;
    b.classes = new ArrayList<>(classes);
    b.activations = new ArrayList<>(activations);
    b.pooling = pooling;
    b.dropout = dropout;
    b.includeTop = includeTop;
    b.weights = weights;
    b.copyWeights = copyWeights;
    b.seed = seed;
    b.updater = updater;
    b.losses = new ArrayList<>(losses);
    return b;
  }

  /** Builds a {@link ModelSpec}; every setter has Musket's default. */
  public static final class Builder {
    private final String architecture;
    private int height = 224;
    private int width = 224;
    private int channels = 3;
    private List<Integer> classes = List.of(1000);
    private List<String> activations = List.of("softmax");
    private Pooling pooling = Pooling.AVG;
    private double dropout;
    private boolean includeTop;
    private String weights;
    private boolean copyWeights;
    private long seed = 12345;
    private IUpdater updater = new Adam(1e-3);
    private List<ILossFunction> losses = List.of();

    private Builder(String architecture) {
      this.architecture = architecture;
    }

    public Builder shape(int height, int width, int channels) {
      this.height = height;
      this.width = width;
      this.channels = channels;
      return this;
    }

    public Builder classes(Integer... classes) {
      return classes(List.of(classes));
    }

    public Builder classes(List<Integer> classes) {
      this.classes = classes;
      return this;
    }

    public Builder activation(String... activations) {
      return activations(List.of(activations));
    }

    public Builder activations(List<String> activations) {
      this.activations = activations;
      return this;
    }

    public Builder pooling(Pooling pooling) {
      this.pooling = pooling;
      return this;
    }

    public Builder dropout(double dropout) {
      this.dropout = dropout;
      return this;
    }

    /** Keras' own classifier instead of Musket's head (for reference parameter counts). */
    public Builder includeTop(boolean includeTop) {
      this.includeTop = includeTop;
      return this;
    }

    /** {@code imagenet} or null (random initialisation). */
    public Builder weights(String weights) {
      this.weights = weights;
      return this;
    }

    /** Musket's {@code copyWeights}: extra input channels get the blue channel's kernel. */
    public Builder copyWeights(boolean copyWeights) {
      this.copyWeights = copyWeights;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder updater(IUpdater updater) {
      this.updater = updater;
      return this;
    }

    public Builder losses(List<ILossFunction> losses) {
      this.losses = losses;
      return this;
    }

    public ModelSpec build() {
      return new ModelSpec(
          architecture,
          height,
          width,
          channels,
          classes,
          activations,
          pooling,
          dropout,
          includeTop,
          weights,
          copyWeights,
          seed,
          updater,
          losses);
    }
  }
}
