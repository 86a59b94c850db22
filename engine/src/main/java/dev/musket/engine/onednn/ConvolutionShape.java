package dev.musket.engine.onednn;

import org.bytedeco.dnnl.memory;

/**
 * What one cached oneDNN convolution is specialised for: the NCHW activation dimensions, the weight
 * dimensions in oneDNN's order (grouped weights have a leading group dimension), the layout DL4J
 * keeps the weights in, strides and the padding on each side. {@link ConvGeometry} describes plain
 * convolutions, {@link DepthwiseGeometry} depthwise ones; {@link OneDnnConvolution} runs either.
 */
interface ConvolutionShape extends WindowShape {

  long[] srcDims();

  long[] dstDims();

  /** oneDNN's weight dimensions: OIHW, or GOIHW for grouped convolutions. */
  long[] weightDims();

  /** The layout of the weights as DL4J stores them, over {@link #weightDims()}. */
  memory.desc userWeights();

  /** One bias per output channel. */
  long[] biasDims();
}
