package dev.musket.engine.onednn;

/**
 * The layout choice of the engine's oneDNN layers, decided by measurement (docs/decisions/0003).
 */
final class OneDnnLayout {
  /**
   * Let primitives pick blocked layouts and reorder at layer boundaries ({@code true}), or work on
   * plain NCHW/OIHW in place ({@code false}).
   */
  static final boolean BLOCKED =
      Boolean.parseBoolean(System.getProperty("musket.onednn.blocked", "true"));

  /**
   * Pooling on oneDNN's channel-blocked layout ({@code true}, reorders at the layer boundary) or on
   * plain NCHW in place (the default: see docs/decisions/0020).
   */
  static final boolean POOLING_BLOCKED =
      Boolean.parseBoolean(System.getProperty("musket.onednn.pooling.blocked", "false"));

  private OneDnnLayout() {}
}
