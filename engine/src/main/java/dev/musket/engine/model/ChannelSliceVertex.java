package dev.musket.engine.model;

import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Channels {@code from..to} (inclusive) of an NCHW activation: one group of a grouped convolution.
 *
 * <p>Why not DL4J's {@link SubsetVertex} as is: in 1.0.0-M2.1 its output type for convolutional
 * inputs has {@code from - to + 1} channels (negative), so every layer after it gets a wrong input
 * size. The forward and backward passes are right and are reused; only the shape is fixed here.
 */
public class ChannelSliceVertex extends SubsetVertex {

  private static final long serialVersionUID = 1L;

  public ChannelSliceVertex(@JsonProperty("from") int from, @JsonProperty("to") int to) {
    super(from, to);
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType... vertexInputs) {
    if (vertexInputs.length == 1
        && vertexInputs[0] instanceof InputType.InputTypeConvolutional conv) {
      if (getTo() >= conv.getChannels()) {
        throw new IllegalArgumentException(
            "cannot take channels " + getFrom() + ".." + getTo() + " of " + conv.getChannels());
      }
      return InputType.convolutional(
          conv.getHeight(), conv.getWidth(), getTo() - getFrom() + 1L, conv.getFormat());
    }
    return super.getOutputType(layerIndex, vertexInputs);
  }

  @Override
  public ChannelSliceVertex clone() {
    return new ChannelSliceVertex(getFrom(), getTo());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelSliceVertex && super.equals(o);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + 7;
  }
}
