package dev.musket.engine.train.loss;

import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A loss defined by project code ({@code @Loss} in {@code modules/*.java}), as the network holds
 * it: the project's {@link ILossFunction} behind the name the config used.
 *
 * <p>Why a wrapper: a network's configuration is saved with every weights file as JSON naming each
 * loss's class. The project's class lives in the project's own class loader (and may be an
 * anonymous class Jackson cannot rebuild), so a saved network would not load anywhere else, not
 * even to predict. This engine class saves only the name and where it was defined; a loaded copy
 * has no delegate until {@link ProjectLosses#reattach} binds it again from the project's modules,
 * which only resuming a training run needs (prediction never calls the loss).
 */
public final class ProjectLoss implements ILossFunction {

  private static final long serialVersionUID = 1L;

  private final String name;
  private final String definedBy;
  @JsonIgnore private transient volatile ILossFunction delegate;

  /** A loaded loss, not bound yet. */
  @JsonCreator
  public ProjectLoss(
      @JsonProperty("name") String name, @JsonProperty("definedBy") String definedBy) {
    this.name = Objects.requireNonNull(name, "name");
    this.definedBy = definedBy == null ? "" : definedBy;
  }

  /** The loss {@code delegate} that project code made, under the config's {@code name}. */
  public ProjectLoss(String name, String definedBy, ILossFunction delegate) {
    this(name, definedBy);
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @JsonProperty("name")
  public String getName() {
    return name;
  }

  /** {@code Class.method (File.java:line)}: where the project defines it, for messages. */
  @JsonProperty("definedBy")
  public String getDefinedBy() {
    return definedBy;
  }

  /** Whether the project's loss is attached (false for a loss loaded from a file). */
  @JsonIgnore
  public boolean isBound() {
    return delegate != null;
  }

  /** Attaches the project's loss to a loaded copy. */
  void bind(ILossFunction loss) {
    this.delegate = Objects.requireNonNull(loss, "loss");
  }

  /** The project's loss itself, to bind a loaded copy with. */
  ILossFunction delegateForBinding() {
    return delegate();
  }

  private ILossFunction delegate() {
    ILossFunction d = delegate;
    if (d == null) {
      throw new IllegalStateException(
          "the project loss '"
              + name
              + "' ("
              + definedBy
              + ") was loaded from a saved network without the project's modules; train it through"
              + " the project (musket fit) so the loss is attached");
    }
    return d;
  }

  @Override
  public INDArray computeScoreArray(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    try {
      return delegate().computeScoreArray(labels, preOutput, activationFn, mask);
    } catch (RuntimeException e) {
      throw failed(e);
    }
  }

  @Override
  public double computeScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    try {
      return delegate().computeScore(labels, preOutput, activationFn, mask, average);
    } catch (RuntimeException e) {
      throw failed(e);
    }
  }

  @Override
  public INDArray computeGradient(
      INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    try {
      return delegate().computeGradient(labels, preOutput, activationFn, mask);
    } catch (RuntimeException e) {
      throw failed(e);
    }
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(
      INDArray labels,
      INDArray preOutput,
      IActivation activationFn,
      INDArray mask,
      boolean average) {
    try {
      return delegate().computeGradientAndScore(labels, preOutput, activationFn, mask, average);
    } catch (RuntimeException e) {
      throw failed(e);
    }
  }

  /** An error of the project's code, or of an unbound copy, naming the loss and its source. */
  private RuntimeException failed(RuntimeException e) {
    if (e instanceof IllegalStateException && delegate == null) {
      return e; // already says it is not attached
    }
    return new IllegalStateException(
        "the project loss '" + name + "' (" + definedBy + ") failed: " + e, e);
  }

  /** The name the config used, so composite names read as the config wrote them. */
  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProjectLoss other
        && name.equals(other.name)
        && definedBy.equals(other.definedBy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, definedBy);
  }
}
