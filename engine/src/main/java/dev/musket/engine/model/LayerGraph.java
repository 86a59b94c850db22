package dev.musket.engine.model;

import dev.musket.engine.runtime.FastDefaults;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.conf.layers.convolutional.Cropping2D;
import org.nd4j.linalg.activations.Activation;

/**
 * Describes a convolutional backbone as Keras code reads: one call per Keras layer, each returning
 * the name of the vertex it added, while the activation shape of every vertex is tracked.
 *
 * <p>Why a wrapper around DL4J's {@link GraphBuilder}: the builders stay as short as the Keras
 * applications they reproduce, every Keras default (batch-norm epsilon and momentum, padding modes,
 * bias or not) is spelled once here, and builders can ask shapes while they build.
 */
public final class LayerGraph {

  private final GraphBuilder graph;
  private final Map<String, FeatureShape> shapes = new HashMap<>();

  /** Starts describing layers after the input vertex {@code input} of the given shape. */
  public LayerGraph(GraphBuilder graph, String input, FeatureShape inputShape) {
    this.graph = graph;
    shapes.put(input, inputShape);
  }

  /** The underlying DL4J graph builder, for layers this class does not cover. */
  public GraphBuilder dl4j() {
    return graph;
  }

  /** The activation shape of a vertex added so far. */
  public FeatureShape shape(String vertex) {
    FeatureShape shape = shapes.get(vertex);
    if (shape == null) {
      throw new IllegalArgumentException("no vertex named '" + vertex + "' in this graph yet");
    }
    return shape;
  }

  /** Channel count of a vertex added so far. */
  public long channels(String vertex) {
    return shape(vertex).channels();
  }

  /** Records the shape of a vertex added directly on {@link #dl4j()}. */
  public String track(String vertex, FeatureShape shape) {
    shapes.put(vertex, shape);
    return vertex;
  }

  private FeatureShape windowed(
      String in, long channels, int kh, int kw, int stride, Padding padding) {
    FeatureShape s = shape(in);
    return new FeatureShape(
        channels,
        padding.outputSize(s.height(), kh, stride),
        padding.outputSize(s.width(), kw, stride));
  }

  /** Keras {@code Conv2D(filters, (kh, kw), strides, padding, use_bias)}. */
  public String conv(
      String name,
      String in,
      int filters,
      int kh,
      int kw,
      int stride,
      Padding padding,
      boolean bias) {
    // the engine's oneDNN convolution (FastDefaults.convolution), not DL4J's layer: same
    // parameters and results, and the fast path for every architecture (docs/decisions/0003)
    graph.addLayer(
        name,
        FastDefaults.convolution(
            new ConvolutionLayer.Builder(kh, kw)
                .stride(stride, stride)
                .nOut(filters)
                .hasBias(bias)
                .convolutionMode(padding.mode())
                .activation(Activation.IDENTITY)),
        in);
    return track(name, windowed(in, filters, kh, kw, stride, padding));
  }

  /** A square {@link #conv} kernel. */
  public String conv(
      String name, String in, int filters, int kernel, int stride, Padding padding, boolean bias) {
    return conv(name, in, filters, kernel, kernel, stride, padding, bias);
  }

  /**
   * Keras {@code DepthwiseConv2D(kernel, strides, padding, use_bias)}, depth multiplier 1: DL4J's
   * layer, run on oneDNN by the engine ({@link FastDefaults#depthwise}).
   */
  public String depthwise(
      String name, String in, int kernel, int stride, Padding padding, boolean bias) {
    graph.addLayer(
        name,
        FastDefaults.depthwise(
            new DepthwiseConvolution2D.Builder(kernel, kernel)
                .stride(stride, stride)
                .depthMultiplier(1)
                .nOut(channels(in))
                .hasBias(bias)
                .convolutionMode(padding.mode())
                .activation(Activation.IDENTITY)),
        in);
    return track(name, windowed(in, channels(in), kernel, kernel, stride, padding));
  }

  /**
   * Keras {@code SeparableConv2D(filters, kernel, strides, padding, use_bias)}: DL4J's layer, run
   * on oneDNN by the engine ({@link FastDefaults#separable}).
   */
  public String separable(
      String name, String in, int filters, int kernel, int stride, Padding padding, boolean bias) {
    graph.addLayer(
        name,
        FastDefaults.separable(
            new SeparableConvolution2D.Builder(kernel, kernel)
                .stride(stride, stride)
                .depthMultiplier(1)
                .nOut(filters)
                .hasBias(bias)
                .convolutionMode(padding.mode())
                .activation(Activation.IDENTITY)),
        in);
    return track(name, windowed(in, filters, kernel, kernel, stride, padding));
  }

  /** Keras {@code BatchNormalization(epsilon, momentum)} with a learned scale and offset. */
  public String batchNorm(String name, String in, double epsilon, double momentum) {
    graph.addLayer(name, batchNormLayer(epsilon, momentum, false), in);
    return track(name, shape(in));
  }

  /**
   * Keras {@code BatchNormalization(scale=False)}: a locked DL4J batch normalisation named {@code
   * name} followed by the learned offset {@code name_beta} ({@link ChannelBias}).
   */
  public String batchNormNoScale(String name, String in, double epsilon, double momentum) {
    graph.addLayer(name, batchNormLayer(epsilon, momentum, true), in);
    track(name, shape(in));
    String beta = name + "_beta";
    graph.addLayer(beta, new ChannelBias.Builder().build(), name);
    return track(beta, shape(in));
  }

  private static BatchNormalization batchNormLayer(
      double epsilon, double momentum, boolean lockGammaBeta) {
    // the engine's batch norm (oneDNN called directly, DL4J's parameters and semantics)
    return FastDefaults.batchNormalization(
        new BatchNormalization.Builder()
            .eps(epsilon)
            .decay(momentum)
            .lockGammaBeta(lockGammaBeta)
            .gamma(1.0)
            .beta(0.0)
            // DL4J's default: the moving variance is stored as log10(stdev). useLogStd(false) would
            // be simpler for Keras weights, but M2.1's JSON reading turns it back to true.
            .useLogStd(true));
  }

  /** Keras {@code Activation(...)} / {@code ReLU(6.)}. */
  public String activation(String name, String in, Activation activation) {
    // the engine's oneDNN activation where it covers the function (FastDefaults.activation):
    // same results as DL4J's layer, without its copies (docs/decisions/0019)
    graph.addLayer(
        name, FastDefaults.activation(new ActivationLayer.Builder().activation(activation)), in);
    return track(name, shape(in));
  }

  /** Keras {@code ReLU}. */
  public String relu(String name, String in) {
    return activation(name, in, Activation.RELU);
  }

  /** Keras {@code ZeroPadding2D(((top, bottom), (left, right)))}. */
  public String zeroPad(String name, String in, int top, int bottom, int left, int right) {
    graph.addLayer(name, new ZeroPaddingLayer.Builder(top, bottom, left, right).build(), in);
    FeatureShape s = shape(in);
    return track(
        name, new FeatureShape(s.channels(), s.height() + top + bottom, s.width() + left + right));
  }

  /** Keras {@code ZeroPadding2D(padding)}: the same padding on every side. */
  public String zeroPad(String name, String in, int padding) {
    return zeroPad(name, in, padding, padding, padding, padding);
  }

  /**
   * Keras' {@code imagenet_utils.correct_pad}: the padding that makes a following stride-2 valid
   * convolution behave like TensorFlow's "same" one.
   */
  public String corrected(String name, String in, int kernel) {
    FeatureShape s = shape(in);
    int half = kernel / 2;
    int adjustH = 1 - (int) (s.height() % 2);
    int adjustW = 1 - (int) (s.width() % 2);
    return zeroPad(name, in, half - adjustH, half, half - adjustW, half);
  }

  /** Keras {@code Cropping2D(((top, bottom), (left, right)))}. */
  public String crop(String name, String in, int top, int bottom, int left, int right) {
    graph.addLayer(name, new Cropping2D.Builder(top, bottom, left, right).build(), in);
    FeatureShape s = shape(in);
    return track(
        name, new FeatureShape(s.channels(), s.height() - top - bottom, s.width() - left - right));
  }

  /** Keras {@code MaxPooling2D(pool, strides, padding)}. */
  public String maxPool(String name, String in, int pool, int stride, Padding padding) {
    return pool(name, in, SubsamplingLayer.PoolingType.MAX, pool, stride, padding);
  }

  /**
   * Keras {@code AveragePooling2D(pool, strides, padding)}; like TensorFlow, padded cells are left
   * out of the average.
   */
  public String avgPool(String name, String in, int pool, int stride, Padding padding) {
    return pool(name, in, SubsamplingLayer.PoolingType.AVG, pool, stride, padding);
  }

  private String pool(
      String name,
      String in,
      SubsamplingLayer.PoolingType type,
      int pool,
      int stride,
      Padding padding) {
    graph.addLayer(
        name,
        FastDefaults.subsampling(
            new SubsamplingLayer.Builder(type)
                .kernelSize(pool, pool)
                .stride(stride, stride)
                .convolutionMode(padding.mode())
                .avgPoolIncludePadInDivisor(false)),
        in);
    return track(name, windowed(in, channels(in), pool, pool, stride, padding));
  }

  /** Keras {@code Add()}. */
  public String add(String name, String... inputs) {
    graph.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), inputs);
    return track(name, shape(inputs[0]));
  }

  /** Keras {@code Concatenate(axis=channels)}. */
  public String concat(String name, String... inputs) {
    graph.addVertex(name, new MergeVertex(), inputs);
    long channels = Arrays.stream(inputs).mapToLong(this::channels).sum();
    return track(name, shape(inputs[0]).withChannels(channels));
  }

  /** Multiplies by a constant (InceptionResNetV2's residual scale). */
  public String scale(String name, String in, double factor) {
    graph.addVertex(name, new ScaleVertex(factor), in);
    return track(name, shape(in));
  }

  /** Channels {@code from} (inclusive) to {@code to} (exclusive): one group of a grouped conv. */
  public String channelSlice(String name, String in, long from, long to) {
    graph.addVertex(name, new ChannelSliceVertex((int) from, (int) to - 1), in);
    return track(name, shape(in).withChannels(to - from));
  }
}
