package dev.musket.engine.train.loss;

import dev.musket.engine.config.LossExpression;
import dev.musket.engine.config.StageConfig;
import dev.musket.engine.config.TrainingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Losses by the names a Musket config uses, resolved case-insensitively, and the composite losses
 * built from {@link LossExpression}s. Project code adds its own losses with {@link #register}; a
 * registered name shadows a built-in one, as a Keras custom object does.
 *
 * <p>Each lookup builds a fresh loss, so no state is shared between networks.
 */
public final class LossRegistry {

  private final Map<String, Supplier<? extends ILossFunction>> suppliers =
      new ConcurrentHashMap<>();

  private LossRegistry() {}

  /** The built-in losses of Keras and Musket, under their Keras names and aliases. */
  public static LossRegistry withBuiltIns() {
    LossRegistry r = new LossRegistry();
    r.register("binary_crossentropy", BinaryCrossentropyLoss::new);
    r.register("categorical_crossentropy", CategoricalCrossentropyLoss::new);
    r.register("sparse_categorical_crossentropy", SparseCategoricalCrossentropyLoss::new);
    r.register("mse", MeanSquaredErrorLoss::new);
    r.register("mean_squared_error", MeanSquaredErrorLoss::new);
    r.register("mae", MeanAbsoluteErrorLoss::new);
    r.register("mean_absolute_error", MeanAbsoluteErrorLoss::new);
    r.register("dice_loss", DiceLoss::new);
    r.register("jaccard_loss", JaccardLoss::new);
    r.register("focal_loss", FocalLoss::new);
    r.register("f1_loss", F1Loss::new);
    r.register("lovasz_loss", LovaszHingeLoss::new);
    r.register("log_loss", LogLoss::new);
    r.register("iou_loss", IouLoss::new);
    r.register("l2_loss", L2Loss::new);
    return r;
  }

  /** Adds or replaces a loss; the name is matched case-insensitively. */
  public void register(String name, Supplier<? extends ILossFunction> supplier) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a loss needs a name");
    }
    suppliers.put(key(name), supplier);
  }

  public boolean isKnown(String name) {
    return suppliers.containsKey(key(name));
  }

  /** The known names, lower-case and sorted. */
  public Set<String> names() {
    return new TreeMap<>(suppliers).keySet();
  }

  /** A fresh loss for one name. */
  public ILossFunction resolve(String name) {
    Supplier<? extends ILossFunction> supplier = suppliers.get(key(name));
    if (supplier == null) {
      throw new UnknownLossException(name, names());
    }
    return supplier.get();
  }

  /** The loss a Musket expression names: the loss itself, or the weighted sum of its terms. */
  public ILossFunction build(LossExpression expression) {
    if (expression.isSingle()) {
      return resolve(expression.terms().get(0).loss());
    }
    List<Double> weights = new ArrayList<>();
    List<ILossFunction> losses = new ArrayList<>();
    for (LossExpression.Term term : expression.terms()) {
      weights.add(term.weight());
      losses.add(resolve(term.loss()));
    }
    return new WeightedSumLoss(weights, losses);
  }

  /**
   * One loss per output head, as Keras assigns them: one expression serves every output; a list
   * must have one expression per output.
   */
  public List<ILossFunction> forOutputs(List<LossExpression> expressions, int outputs) {
    if (expressions.isEmpty()) {
      throw new IllegalArgumentException("no loss is configured; set 'loss'");
    }
    if (expressions.size() != 1 && expressions.size() != outputs) {
      throw new IllegalArgumentException(
          "the network has "
              + outputs
              + " outputs but "
              + expressions.size()
              + " losses are configured; give one loss, or one per output");
    }
    List<ILossFunction> result = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      result.add(build(expressions.get(expressions.size() == 1 ? 0 : i)));
    }
    return result;
  }

  /**
   * The losses a stage trains with: the stage's own {@code loss} when it sets one (Musket
   * recompiles the model with it), else the experiment's.
   */
  public List<ILossFunction> forStage(TrainingSpec training, StageConfig stage, int outputs) {
    List<LossExpression> expressions =
        stage.losses() != null && !stage.losses().isEmpty() ? stage.losses() : training.losses();
    return forOutputs(expressions, outputs);
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
