package dev.musket.engine.bench;

import dev.musket.engine.onednn.OneDnnConvolutionLayer;
import dev.musket.engine.runtime.FastDefaults;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A terse way to write PyTorch-style topologies as a DL4J graph: each method adds one layer (or
 * vertex) after a named input and returns the new vertex's name. Layers use {@link FastDefaults};
 * convolutions use explicit padding (PyTorch's semantics) and infer {@code nIn} from the input
 * type. Adam 1e-3 as in the peer.
 */
final class GraphSketch {

  /**
   * {@code -Dmusket.bench.conv=dl4j}: DL4J's own convolution instead of the engine's oneDNN one
   * (the default, as in every network {@code musket fit} builds).
   */
  static final boolean ONEDNN_CONV = !"dl4j".equals(System.getProperty("musket.bench.conv"));

  /**
   * {@code -Dmusket.bench.bn=dl4j}: DL4J's own batch normalisation (its oneDNN helper through
   * libnd4j) instead of the engine's ({@link FastDefaults#batchNormalization}, the default).
   */
  static final boolean ONEDNN_BN = !"dl4j".equals(System.getProperty("musket.bench.bn"));

  /**
   * {@code -Dmusket.bench.depthwise=dl4j}: DL4J's own depthwise convolution instead of the engine's
   * (the default).
   */
  static final boolean ONEDNN_DEPTHWISE =
      !"dl4j".equals(System.getProperty("musket.bench.depthwise"));

  /**
   * {@code -Dmusket.bench.pool=dl4j}: DL4J's own pooling and global pooling layers instead of the
   * engine's ({@link FastDefaults#subsampling}, {@link FastDefaults#globalPooling}, the default).
   */
  static final boolean ONEDNN_POOL = !"dl4j".equals(System.getProperty("musket.bench.pool"));

  /**
   * {@code -Dmusket.bench.act=dl4j}: DL4J's own activation layer instead of the engine's oneDNN one
   * ({@link FastDefaults#activation}, the default).
   */
  static final boolean ONEDNN_ACT = !"dl4j".equals(System.getProperty("musket.bench.act"));

  private final GraphBuilder graph;
  private int counter;

  GraphSketch(int size) {
    graph =
        FastDefaults.builder()
            .seed(0)
            .updater(new Adam(1e-3))
            .weightInit(WeightInit.RELU)
            .convolutionMode(ConvolutionMode.Truncate)
            .graphBuilder()
            .addInputs("input")
            .setInputTypes(InputType.convolutional(size, size, 3, FastDefaults.DATA_FORMAT));
  }

  String conv(String in, int out, int kernel, int stride, int pad, boolean bias) {
    ConvolutionLayer.Builder conv =
        new ConvolutionLayer.Builder(kernel, kernel)
            .stride(stride, stride)
            .padding(pad, pad)
            .nOut(out)
            .hasBias(bias)
            .activation(Activation.IDENTITY)
            .dataFormat(FastDefaults.DATA_FORMAT);
    return add("conv", ONEDNN_CONV ? new OneDnnConvolutionLayer(conv) : conv.build(), in);
  }

  String depthwise(String in, int kernel, int stride, int pad) {
    DepthwiseConvolution2D.Builder dw =
        new DepthwiseConvolution2D.Builder(kernel, kernel)
            .stride(stride, stride)
            .padding(pad, pad)
            .depthMultiplier(1)
            .hasBias(false)
            .activation(Activation.IDENTITY)
            .dataFormat(FastDefaults.DATA_FORMAT);
    return add("dwconv", ONEDNN_DEPTHWISE ? FastDefaults.depthwise(dw) : dw.build(), in);
  }

  String batchNorm(String in) {
    BatchNormalization.Builder bn =
        new BatchNormalization.Builder().eps(1e-5).decay(0.9).dataFormat(FastDefaults.DATA_FORMAT);
    return add("bn", ONEDNN_BN ? FastDefaults.batchNormalization(bn) : bn.build(), in);
  }

  String activation(String in, Activation activation) {
    ActivationLayer.Builder act = new ActivationLayer.Builder().activation(activation);
    return add("act", ONEDNN_ACT ? FastDefaults.activation(act) : act.build(), in);
  }

  String pool(String in, PoolingType type, int kernel, int stride, int pad) {
    SubsamplingLayer.Builder pool =
        new SubsamplingLayer.Builder(
                type == PoolingType.MAX
                    ? SubsamplingLayer.PoolingType.MAX
                    : SubsamplingLayer.PoolingType.AVG)
            .kernelSize(kernel, kernel)
            .stride(stride, stride)
            .padding(pad, pad)
            .dataFormat(FastDefaults.DATA_FORMAT);
    return add("pool", ONEDNN_POOL ? FastDefaults.subsampling(pool) : pool.build(), in);
  }

  String globalAveragePool(String in) {
    GlobalPoolingLayer.Builder gap = new GlobalPoolingLayer.Builder(PoolingType.AVG);
    return add("gap", ONEDNN_POOL ? FastDefaults.globalPooling(gap) : gap.build(), in);
  }

  String sum(String... inputs) {
    String name = "add" + (++counter);
    graph.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), inputs);
    return name;
  }

  String concat(String... inputs) {
    String name = "cat" + (++counter);
    graph.addVertex(name, new MergeVertex(), inputs);
    return name;
  }

  /** Adds the classifier (linear + softmax cross-entropy, as PyTorch's CrossEntropyLoss). */
  ComputationGraphConfiguration classifier(String in, int classes) {
    add(
        "output",
        new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(classes)
            .activation(Activation.SOFTMAX)
            .build(),
        in);
    return graph.setOutputs("output" + counter).build();
  }

  private String add(String kind, org.deeplearning4j.nn.conf.layers.Layer layer, String in) {
    String name = kind + (++counter);
    graph.addLayer(name, layer, in);
    return name;
  }
}
