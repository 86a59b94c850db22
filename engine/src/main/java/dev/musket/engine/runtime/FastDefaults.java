package dev.musket.engine.runtime;

import dev.musket.engine.onednn.OneDnnActivationLayer;
import dev.musket.engine.onednn.OneDnnBatchNormalization;
import dev.musket.engine.onednn.OneDnnConvolutionLayer;
import dev.musket.engine.onednn.OneDnnDepthwiseConvolutionLayer;
import dev.musket.engine.onednn.OneDnnGlobalPoolingLayer;
import dev.musket.engine.onednn.OneDnnSeparableConvolutionLayer;
import dev.musket.engine.onednn.OneDnnSubsamplingLayer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.SeparableConvolution2D;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The network-configuration settings every architecture builder uses, so that no network leaves the
 * fast CPU path by accident (measured in shared/reference/dl4j-cpu-performance.md and
 * docs/decisions/0003-layer-implementation-and-data-format.md):
 *
 * <ul>
 *   <li>{@link CacheMode#HOST}: keep each layer's forward output for backprop; without it every
 *       convolution's forward runs twice per iteration (ResNet-18: 30% of the time);
 *   <li>workspaces {@link WorkspaceMode#ENABLED} for training and inference (NONE costs 25-60%);
 *   <li>float32 parameters and activations (the only type the oneDNN helpers accept);
 *   <li>{@link #DATA_FORMAT} NCHW for every convolution, pooling and batch-norm layer (NHWC trains
 *       slower through the helpers).
 * </ul>
 *
 * <p>Use: {@code ComputationGraphConfiguration.GraphBuilder g =
 * FastDefaults.builder().seed(42).updater(...).graphBuilder();}, pass {@link #DATA_FORMAT} to every
 * layer builder that takes a {@code dataFormat}, and make every plain 2-D convolution with {@link
 * #convolution(ConvolutionLayer.Builder)}, every batch normalisation with {@link
 * #batchNormalization(BatchNormalization.Builder)}, every depthwise convolution with {@link
 * #depthwise(DepthwiseConvolution2D.Builder)}, every separable one with {@link
 * #separable(SeparableConvolution2D.Builder)}, every 2-D pooling with {@link
 * #subsampling(SubsamplingLayer.Builder)} and every global pooling with {@link
 * #globalPooling(GlobalPoolingLayer.Builder)} and every activation layer with {@link
 * #activation(ActivationLayer.Builder)} instead of {@code builder.build()}. {@code
 * FastDefaultsTest} pins the settings.
 */
public final class FastDefaults {

  /** The data format of every 2-D layer: the one the oneDNN helpers are fastest with here. */
  public static final CNN2DFormat DATA_FORMAT = CNN2DFormat.NCHW;

  /** The data type of every network. */
  public static final DataType DATA_TYPE = DataType.FLOAT;

  private FastDefaults() {}

  /**
   * A new configuration builder with the fast settings, after {@link NativeRuntime#initialize()}.
   */
  public static NeuralNetConfiguration.Builder builder() {
    NativeRuntime.initialize();
    return apply(new NeuralNetConfiguration.Builder());
  }

  /**
   * The engine's convolution layer for a configured DL4J builder: DL4J's {@link ConvolutionLayer}
   * (same parameters, same results) whose forward and backward call oneDNN directly with cached
   * primitives ({@link OneDnnConvolutionLayer}); measured faster than DL4J's own oneDNN path on
   * ResNet shapes (docs/decisions/0003-layer-implementation-and-data-format.md). Use it for every
   * plain 2-D convolution; depthwise and separable ones have {@link #depthwise} and {@link
   * #separable}.
   */
  public static ConvolutionLayer convolution(ConvolutionLayer.Builder builder) {
    return new OneDnnConvolutionLayer(builder.dataFormat(DATA_FORMAT));
  }

  /**
   * The engine's batch normalisation for a configured DL4J builder: DL4J's {@link
   * BatchNormalization} (same parameters, moving statistics and results) whose forward and backward
   * call oneDNN directly with cached primitives ({@link OneDnnBatchNormalization}); measured faster
   * than DL4J's own oneDNN path (docs/decisions/0017-onednn-batch-normalization.md). Locked gamma
   * and beta stay on DL4J's implementation.
   */
  public static BatchNormalization batchNormalization(BatchNormalization.Builder builder) {
    return new OneDnnBatchNormalization(builder.dataFormat(DATA_FORMAT).build());
  }

  /**
   * The engine's depthwise convolution layer for a configured DL4J builder: DL4J's {@link
   * DepthwiseConvolution2D} (same parameters, same results, any padding mode) whose forward and
   * backward run oneDNN's grouped convolution with cached primitives ({@link
   * OneDnnDepthwiseConvolutionLayer}) instead of libnd4j's depthwise ops
   * (docs/decisions/0016-depthwise-convolution-on-onednn.md). Use it for every depthwise
   * convolution.
   */
  public static DepthwiseConvolution2D depthwise(DepthwiseConvolution2D.Builder builder) {
    return new OneDnnDepthwiseConvolutionLayer(builder.dataFormat(DATA_FORMAT));
  }

  /**
   * The engine's separable convolution layer for a configured DL4J builder: DL4J's {@link
   * SeparableConvolution2D} (same parameters, same results) run as a oneDNN depthwise and a oneDNN
   * 1x1 convolution with cached primitives ({@link OneDnnSeparableConvolutionLayer}) instead of
   * libnd4j's separable ops (docs/decisions/0016-depthwise-convolution-on-onednn.md).
   */
  public static SeparableConvolution2D separable(SeparableConvolution2D.Builder builder) {
    return new OneDnnSeparableConvolutionLayer(builder.dataFormat(DATA_FORMAT));
  }

  /**
   * The engine's 2-D pooling layer for a configured DL4J builder: DL4J's {@link SubsamplingLayer}
   * (same configuration, same results) whose max and average pooling run cached oneDNN primitives
   * forward and backward, max pooling keeping oneDNN's workspace for the backward ({@link
   * OneDnnSubsamplingLayer}) instead of libnd4j's pooling ops, whose backward runs the forward
   * again (docs/decisions/0020-pooling-on-onednn.md). Use it for every max and average pooling.
   */
  public static SubsamplingLayer subsampling(SubsamplingLayer.Builder builder) {
    return new OneDnnSubsamplingLayer(builder.dataFormat(DATA_FORMAT));
  }

  /**
   * The engine's global pooling layer for a configured DL4J builder: DL4J's {@link
   * GlobalPoolingLayer} whose average and max pooling of NCHW maps run as one oneDNN pooling over
   * the whole map ({@link OneDnnGlobalPoolingLayer}) instead of ND4J's reductions and broadcasts
   * (docs/decisions/0020-pooling-on-onednn.md). Use it for every classifier head.
   */
  public static GlobalPoolingLayer globalPooling(GlobalPoolingLayer.Builder builder) {
    return new OneDnnGlobalPoolingLayer(builder.build());
  }

  /**
   * The engine's activation layer for a configured DL4J builder when oneDNN computes its function
   * exactly (ReLU, ReLU6, sigmoid, tanh, ELU, swish: {@link OneDnnActivationLayer}, DL4J's {@link
   * ActivationLayer} run as cached oneDNN element-wise primitives, without the copies DL4J's layer
   * makes), else DL4J's own layer (docs/decisions/0019-activations-on-onednn.md). Use it for every
   * activation layer.
   */
  public static ActivationLayer activation(ActivationLayer.Builder builder) {
    return OneDnnActivationLayer.covers(builder.getActivationFn())
        ? new OneDnnActivationLayer(builder)
        : builder.build();
  }

  /** Applies the fast settings to an existing builder and returns it. */
  public static NeuralNetConfiguration.Builder apply(NeuralNetConfiguration.Builder builder) {
    return builder
        .dataType(DATA_TYPE)
        .cacheMode(CacheMode.HOST)
        .trainingWorkspaceMode(WorkspaceMode.ENABLED)
        .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
  }
}
