package dev.musket.engine.onednn;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each of the engine's own layers (those without a DL4J helper seam) took its oneDNN
 * path. Why: a call those layers do not cover falls back to DL4J's implementation silently, by
 * design; a test that only checks the layer's class would not notice a fallback, this count does
 * ({@code OneDnnHelpersInUseTest}).
 */
public final class OneDnnPaths {

  /** The depthwise convolution layer ({@link OneDnnDepthwiseConvolutionLayer}). */
  public static final String DEPTHWISE = "depthwise";

  /** The separable convolution layer ({@link OneDnnSeparableConvolutionLayer}). */
  public static final String SEPARABLE = "separable";

  /** The 2-D pooling layer ({@link OneDnnSubsamplingLayer}). */
  public static final String POOLING = "pooling";

  /** The global pooling layer ({@link OneDnnGlobalPoolingLayer}). */
  public static final String GLOBAL_POOLING = "global pooling";

  /** The activation layer ({@link OneDnnActivationLayer}). */
  public static final String ACTIVATION = "activation";

  private static final Map<String, LongAdder> TAKEN = new ConcurrentHashMap<>();

  private OneDnnPaths() {}

  static void taken(String layer) {
    TAKEN.computeIfAbsent(layer, k -> new LongAdder()).increment();
  }

  /** Forward and backward calls of {@code layer} that ran on oneDNN so far in this JVM. */
  public static long count(String layer) {
    LongAdder n = TAKEN.get(layer);
    return n == null ? 0 : n.sum();
  }
}
