package dev.musket.engine.config;

/** The network's input: height x width x channels, as in {@code shape: [H, W, C]}. */
public record InputShape(int height, int width, int channels) {
  @Override
  public String toString() {
    return height + "x" + width + "x" + channels;
  }
}
