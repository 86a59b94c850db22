package dev.musket.engine.model;

import dev.musket.engine.runtime.FastDefaults;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link ModelSpec} into a DL4J network: the registered backbone, then Musket's head
 * (global {@code pooling}, optional {@code dropout}, one Dense({@code classes}, {@code activation})
 * per output) or, with {@code includeTop}, Keras' own classifier.
 *
 * <p>Why configuration and network are two methods: {@link #configuration} is cheap, serialisable
 * and enough for summaries, parameter counts and validation; only {@link #build} allocates the
 * parameters (and loads pretrained ones).
 */
public final class ModelAssembler {

  /** The name of the graph's input vertex. */
  public static final String INPUT = "input";

  /**
   * The zero padding in front of the backbone when the input is smaller than the architecture's own
   * minimum ({@link InputPadding}); absent otherwise.
   */
  public static final String INPUT_PAD = "input_pad";

  /** Every vertex of the head starts with this prefix; everything else is the encoder. */
  public static final String HEAD_PREFIX = "head_";

  /** The global pooling between encoder and heads. */
  public static final String HEAD_POOL = HEAD_PREFIX + "pool";

  private static final Logger log = LoggerFactory.getLogger(ModelAssembler.class);

  private final ModelRegistry registry;
  private final PretrainedWeights pretrained;

  /** Assembles from the given registry, with pretrained weights from the default folder. */
  public ModelAssembler(ModelRegistry registry) {
    this(registry, PretrainedWeights.fromEnvironment());
  }

  public ModelAssembler(ModelRegistry registry, PretrainedWeights pretrained) {
    this.registry = registry;
    this.pretrained = pretrained;
  }

  /** The name of head {@code i}'s output vertex out of {@code heads}. */
  public static String outputName(int head, int heads) {
    return heads == 1 ? HEAD_PREFIX + "output" : HEAD_PREFIX + "output" + (head + 1);
  }

  /** The network's configuration; allocates nothing. */
  public ComputationGraphConfiguration configuration(ModelSpec spec) {
    ModelBuilder builder = registry.builder(spec.architecture());
    String name = registry.canonicalName(spec.architecture());
    InputPadding padding =
        InputPadding.forInput(name, spec.height(), spec.width(), builder.minInputSize());
    GraphBuilder graph =
        GraphDefaults.network(spec.seed(), spec.updater())
            .graphBuilder()
            .addInputs(INPUT)
            .setInputTypes(GraphDefaults.imageInput(spec.height(), spec.width(), spec.channels()));
    LayerGraph layers =
        new LayerGraph(
            graph, INPUT, new FeatureShape(spec.channels(), spec.height(), spec.width()));
    String input = INPUT;
    if (!padding.isNone()) {
      input =
          layers.zeroPad(
              INPUT_PAD, INPUT, padding.top(), padding.bottom(), padding.left(), padding.right());
      log.debug(
          "{} needs at least {}x{}: the {}x{} input is zero-padded by {}",
          name,
          builder.minInputSize(),
          builder.minInputSize(),
          spec.height(),
          spec.width(),
          padding);
    }
    String features = builder.addBackbone(layers, input);
    List<String> outputs =
        spec.includeTop()
            ? addKerasTop(graph, builder.top(), features, spec)
            : addHeads(graph, features, spec);
    graph.setOutputs(outputs.toArray(String[]::new));
    log.debug("configured {} at {}x{}x{}", name, spec.height(), spec.width(), spec.channels());
    return graph.build();
  }

  /** The initialised network, with pretrained weights when the spec asks for them. */
  public ComputationGraph build(ModelSpec spec) {
    ComputationGraph network = new ComputationGraph(configuration(spec));
    network.init();
    if (spec.weights() != null && !spec.weights().isBlank()) {
      pretrained.load(
          network,
          registry.canonicalName(spec.architecture()),
          registry.builder(spec.architecture()),
          spec);
    }
    return network;
  }

  private static List<String> addHeads(GraphBuilder graph, String features, ModelSpec spec) {
    String last = addHeadPool(graph, features, spec);
    if (spec.dropout() > 0) {
      // DL4J's dropout argument is the probability of keeping an activation
      graph.addLayer(
          HEAD_PREFIX + "dropout", new DropoutLayer.Builder(1 - spec.dropout()).build(), last);
      last = HEAD_PREFIX + "dropout";
    }
    List<String> outputs = new ArrayList<>();
    for (int i = 0; i < spec.heads(); i++) {
      String out = outputName(i, spec.heads());
      graph.addLayer(out, outputLayer(spec, i), last);
      outputs.add(out);
    }
    return outputs;
  }

  /** The head's global pooling of the backbone's features (the config's {@code pooling}). */
  private static String addHeadPool(GraphBuilder graph, String features, ModelSpec spec) {
    graph.addLayer(
        HEAD_POOL,
        FastDefaults.globalPooling(new GlobalPoolingLayer.Builder(spec.pooling().type())),
        features);
    return HEAD_POOL;
  }

  private static List<String> addKerasTop(
      GraphBuilder graph, KerasTop top, String features, ModelSpec spec) {
    String last = features;
    if (!top.flatten()) {
      last = addHeadPool(graph, features, spec);
    }
    int index = 1;
    for (int units : top.hiddenUnits()) {
      String name = HEAD_PREFIX + "fc" + index++;
      graph.addLayer(
          name, new DenseLayer.Builder().nOut(units).activation(Activation.RELU).build(), last);
      last = name;
    }
    String out = outputName(0, 1);
    graph.addLayer(out, outputLayer(spec, 0), last);
    return List.of(out);
  }

  private static OutputLayer outputLayer(ModelSpec spec, int head) {
    Activation activation = HeadActivation.parse(spec.activation(head));
    ILossFunction loss =
        spec.losses().isEmpty()
            ? HeadActivation.defaultLoss(activation).getILossFunction()
            : spec.losses().get(head);
    return new OutputLayer.Builder(loss)
        .nOut(spec.classes().get(head))
        .activation(activation)
        .build();
  }
}
