package dev.musket.engine.train;

import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.config.StageConfig;
import dev.musket.engine.model.EncoderFreezing;
import dev.musket.engine.model.ModelAssembler;
import dev.musket.engine.model.ModelRegistry;
import dev.musket.engine.model.ModelSpec;
import dev.musket.engine.model.Pooling;
import dev.musket.engine.model.PretrainedWeights;
import dev.musket.engine.train.loss.LossRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the network a stage trains, by Musket's rules: the config's architecture and head, the
 * optimizer at the stage's {@code lr}, the stage's {@code loss} (else the experiment's) on each
 * output, then the starting weights (the previous stage's best, else the stage's {@code
 * initial_weights}, else pretrained or random) and the encoder frozen or not.
 *
 * <p>Why a fresh network per stage: Musket recompiled the model at every stage (new optimizer,
 * maybe a new loss), so the optimizer state restarts while the weights carry over.
 */
public final class StageNetworks {

  private static final Logger LOG = LoggerFactory.getLogger(StageNetworks.class);

  private final ModelRegistry registry;
  private final PretrainedWeights pretrained;
  private final LossRegistry losses;

  public StageNetworks(ModelRegistry registry, PretrainedWeights pretrained, LossRegistry losses) {
    this.registry = registry;
    this.pretrained = pretrained;
    this.losses = losses;
  }

  /** The learning rate a stage starts with: its own {@code lr}, else the experiment's. */
  public static double stageLr(ExperimentConfig cfg, int stage) {
    Double lr = cfg.training().stages().get(stage).lr();
    return lr != null ? lr : cfg.training().lr();
  }

  /**
   * Whether the encoder is frozen during {@code stage}: {@code freeze_encoder} of the config holds
   * from the first stage until a stage sets {@code unfreeze_encoder} (or {@code freeze_encoder}),
   * and that choice carries over to later stages, as the one Keras model did in Musket.
   */
  public static boolean frozenAt(ExperimentConfig cfg, int stage) {
    boolean frozen = cfg.model().freezeEncoder();
    for (int s = 0; s <= stage; s++) {
      StageConfig st = cfg.training().stages().get(s);
      if (st.unfreezeEncoder() != null) {
        frozen = !st.unfreezeEncoder();
      }
      if (st.freezeEncoder() != null) {
        frozen = st.freezeEncoder();
      }
    }
    return frozen;
  }

  /** The model spec of a stage (its losses and optimizer included). */
  public ModelSpec spec(ExperimentConfig cfg, int stage) {
    var m = cfg.model();
    var t = cfg.training();
    OptimizerSettings optimizer =
        Optimizers.settings(t.optimizer(), stageLr(cfg, stage), t.clipnorm(), t.clipvalue());
    return ModelSpec.builder(m.architecture())
        .shape(m.shape().height(), m.shape().width(), m.shape().channels())
        .classes(m.classes())
        .activations(m.activations())
        .pooling(m.pooling() == null ? Pooling.AVG : Pooling.parse(m.pooling()))
        .dropout(m.dropout())
        .weights(m.weights())
        .copyWeights(m.copyWeights())
        .seed(cfg.data().randomState())
        .updater(optimizer.updater())
        .losses(losses.forStage(t, t.stages().get(stage), m.classes().size()))
        .build();
  }

  /**
   * The stage's network, ready to train.
   *
   * @param previousBest the previous stage's best weights, or {@code null} (first stage, or none)
   * @param projectDir resolves a relative {@code initial_weights}
   */
  public ComputationGraph build(ExperimentConfig cfg, int stage, Path previousBest, Path projectDir)
      throws IOException {
    ModelSpec spec = spec(cfg, stage);
    ComputationGraphConfiguration conf =
        withOptimizerExtras(new ModelAssembler(registry, pretrained).configuration(spec), cfg);
    ComputationGraph network = new ComputationGraph(conf);
    network.init();
    String initial = cfg.training().stages().get(stage).initialWeights();
    if (previousBest != null) {
      LOG.info("Stage {} starts from the previous stage's best weights {}", stage, previousBest);
      network.setParams(NetworkFiles.parameters(previousBest));
    } else if (initial != null && !initial.isBlank()) {
      Path file = resolve(cfg, projectDir, initial);
      LOG.info("Stage {} starts from initial_weights {}", stage, file);
      copyMatchingParameters(NetworkFiles.load(file), network);
    } else if (spec.weights() != null && !spec.weights().isBlank()) {
      pretrained.load(
          network,
          registry.canonicalName(spec.architecture()),
          registry.builder(spec.architecture()),
          spec);
    }
    return frozenAt(cfg, stage) ? EncoderFreezing.freeze(network) : network;
  }

  /** clipnorm/clipvalue and AdamW's weight decay, which the assembler's defaults do not carry. */
  private static ComputationGraphConfiguration withOptimizerExtras(
      ComputationGraphConfiguration conf, ExperimentConfig cfg) {
    var t = cfg.training();
    OptimizerSettings o = Optimizers.settings(t.optimizer(), t.lr(), t.clipnorm(), t.clipvalue());
    for (GraphVertex vertex : conf.getVertices().values()) {
      if (vertex instanceof LayerVertex lv && lv.getLayerConf().getLayer() instanceof BaseLayer b) {
        b.setGradientNormalization(o.gradientNormalization());
        b.setGradientNormalizationThreshold(o.gradientThreshold());
        if (o.weightDecay() > 0) {
          b.setRegularization(List.of(new WeightDecay(o.weightDecay(), true)));
        }
      }
    }
    return conf;
  }

  private static Path resolve(ExperimentConfig cfg, Path projectDir, String file) {
    Path p = Path.of(file);
    if (p.isAbsolute()) {
      return p;
    }
    Path besideConfig = cfg.file().toAbsolutePath().getParent().resolve(p);
    return besideConfig.toFile().exists() ? besideConfig : projectDir.resolve(p);
  }

  /**
   * Musket's fallback for {@code initial_weights}: parameters are copied layer by layer where the
   * names and shapes agree, so a file with another head still seeds the encoder.
   */
  private static void copyMatchingParameters(ComputationGraph from, ComputationGraph to) {
    int copied = 0;
    for (var layer : to.getLayers()) {
      String name = layer.conf().getLayer().getLayerName();
      if (from.getConfiguration().getVertices().containsKey(name)) {
        for (var e : layer.paramTable().entrySet()) {
          INDArray source = from.getLayer(name).paramTable().get(e.getKey());
          if (source != null && java.util.Arrays.equals(source.shape(), e.getValue().shape())) {
            e.getValue().assign(source);
            copied++;
          }
        }
      }
    }
    LOG.info("initial_weights: copied {} parameter arrays by layer name", copied);
  }
}
