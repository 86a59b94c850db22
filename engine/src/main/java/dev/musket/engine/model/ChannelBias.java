package dev.musket.engine.model;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adds one learned bias per channel to an NCHW activation.
 *
 * <p>Why it exists: Keras' {@code BatchNormalization(scale=False)} (InceptionV3, InceptionResNetV2,
 * the {@code bn_data} input layer of classification_models' ResNets) has a learned beta but no
 * gamma. DL4J's batch normalisation either learns both or locks both, so that layer is written as a
 * locked DL4J batch normalisation followed by this bias. The parameter count and the arithmetic
 * then equal Keras', and the beta of a Keras weights file has a place to go.
 *
 * <p>To set the parameter, assign in place ({@code layer.getParam(BETA).assign(value)}): DL4J
 * M2.1's {@code SameDiffLayer.setParam} checks the shape and then assigns nothing.
 */
public class ChannelBias extends SameDiffLayer {

  /** The name of the single parameter: Keras calls it beta. */
  public static final String BETA = "beta";

  private long channels;

  /** For JSON deserialisation. */
  protected ChannelBias() {}

  private ChannelBias(Builder builder) {
    super(builder);
    this.channels = builder.channels;
  }

  public long getChannels() {
    return channels;
  }

  public void setChannels(long channels) {
    this.channels = channels;
  }

  @Override
  public SDVariable defineLayer(
      SameDiff sameDiff,
      SDVariable layerInput,
      Map<String, SDVariable> paramTable,
      SDVariable mask) {
    return layerInput.add(paramTable.get(BETA));
  }

  @Override
  public void defineParameters(SDLayerParams params) {
    params.clear();
    params.addBiasParam(BETA, 1, channels, 1, 1);
  }

  @Override
  public void initializeParameters(Map<String, INDArray> params) {
    params.get(BETA).assign(0);
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType inputType) {
    return inputType;
  }

  @Override
  public void setNIn(InputType inputType, boolean override) {
    if (channels <= 0 || override) {
      channels = ((InputType.InputTypeConvolutional) inputType).getChannels();
    }
  }

  /** Builds a {@link ChannelBias}; the channel count is normally inferred from the input type. */
  public static final class Builder extends SameDiffLayer.Builder<Builder> {
    private long channels;

    public Builder channels(long channels) {
      this.channels = channels;
      return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public ChannelBias build() {
      return new ChannelBias(this);
    }
  }
}
