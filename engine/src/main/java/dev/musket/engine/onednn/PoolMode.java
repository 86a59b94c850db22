package dev.musket.engine.onednn;

import org.bytedeco.dnnl.global.dnnl.algorithm;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/**
 * The pooling kinds oneDNN runs for DL4J, with DL4J's meaning of {@code avgPoolIncludePadInDivisor}
 * (libnd4j's {@code extraParam0}: 0 divides by the cells inside the input, 1 by the whole window;
 * the comments in DL4J's SubsamplingLayer say the reverse, the ops do this).
 */
enum PoolMode {
  MAX(algorithm.pooling_max),
  AVG_EXCLUDE_PADDING(algorithm.pooling_avg_exclude_padding),
  AVG_INCLUDE_PADDING(algorithm.pooling_avg_include_padding);

  private final algorithm kind;

  PoolMode(algorithm kind) {
    this.kind = kind;
  }

  algorithm algorithm() {
    return kind;
  }

  /** The mode for DL4J's settings, or {@code null} for SUM and PNORM (DL4J's own path). */
  static PoolMode of(PoolingType type, boolean avgPoolIncludePadInDivisor) {
    return switch (type) {
      case MAX -> MAX;
      case AVG -> avgPoolIncludePadInDivisor ? AVG_INCLUDE_PADDING : AVG_EXCLUDE_PADDING;
      default -> null;
    };
  }
}
