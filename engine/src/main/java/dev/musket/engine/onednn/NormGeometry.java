package dev.musket.engine.onednn;

import org.bytedeco.dnnl.memory;

/**
 * The shape of one batch normalisation's input: what a cached oneDNN batch-normalisation primitive
 * is specialised for. Dimensions are always named N, C, H, W; {@code channelsLast} says whether the
 * array lies in memory as NHWC instead of NCHW.
 */
record NormGeometry(int batch, int channels, int height, int width, boolean channelsLast) {

  long[] dataDims() {
    return new long[] {batch, channels, height, width};
  }

  memory.format_tag dataTag() {
    return channelsLast ? memory.format_tag.nhwc : memory.format_tag.nchw;
  }
}
