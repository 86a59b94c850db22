package dev.musket.engine.onednn;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;

/**
 * When the engine's layers keep their pre-activation output from the forward pass for backprop,
 * instead of running the forward convolution again there (as DL4J's depthwise and separable layers
 * do): in training, when the network caches ({@code CacheMode.HOST}, the FF_CACHE workspace open,
 * as DL4J's {@code ConvolutionLayer} decides), and only if the activation's derivative needs it
 * (the identity's does not).
 */
final class PreOutputCache {

  private PreOutputCache() {}

  static boolean keeps(
      boolean training, IActivation activation, CacheMode cacheMode, LayerWorkspaceMgr workspaces) {
    return training
        && !needsNoPreOutput(activation)
        && cacheMode != null
        && cacheMode != CacheMode.NONE
        && workspaces.hasConfiguration(ArrayType.FF_CACHE)
        && workspaces.isWorkspaceOpen(ArrayType.FF_CACHE);
  }

  /** Whether backprop through this activation can skip the pre-activation (delta = epsilon). */
  static boolean needsNoPreOutput(IActivation activation) {
    return activation instanceof ActivationIdentity;
  }
}
