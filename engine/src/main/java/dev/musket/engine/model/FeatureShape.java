package dev.musket.engine.model;

/**
 * The shape of one activation in a convolutional graph, tracked while the graph is described.
 *
 * <p>Builders need it because several Keras definitions decide their structure from it (NASNet's
 * adjust block compares spatial sizes, DenseNet's transition halves the channel count, ResNeXt
 * slices channels into groups), and DL4J only computes shapes once the whole graph is built.
 */
public record FeatureShape(long channels, long height, long width) {

  /** The same shape with another channel count. */
  public FeatureShape withChannels(long newChannels) {
    return new FeatureShape(newChannels, height, width);
  }

  @Override
  public String toString() {
    return channels + "x" + height + "x" + width;
  }
}
