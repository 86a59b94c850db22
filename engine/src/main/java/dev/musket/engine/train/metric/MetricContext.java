package dev.musket.engine.train.metric;

import dev.musket.engine.config.LossExpression;
import dev.musket.engine.config.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a metric may need to know about the output head it measures. Keras picks the meaning of
 * {@code accuracy} from the head's width and loss; project metrics may use the rest.
 *
 * @param outputWidth the head's number of outputs (classes)
 * @param activation the head's activation as configured ({@code sigmoid}, {@code softmax}, ...)
 * @param loss the head's loss, or {@code null} when unknown
 */
public record MetricContext(int outputWidth, String activation, LossExpression loss) {

  public MetricContext {
    activation = activation == null ? "linear" : activation.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * One context per output head of {@code model}, in head order. A single activation or loss serves
   * every head, as in Musket's config.
   *
   * @param losses the losses in effect (the experiment's, or the stage's when it sets one)
   */
  public static List<MetricContext> forHeads(ModelSpec model, List<LossExpression> losses) {
    List<MetricContext> contexts = new ArrayList<>();
    for (int i = 0; i < model.classes().size(); i++) {
      String activation = model.activations().isEmpty() ? null : at(model.activations(), i);
      LossExpression loss = losses.isEmpty() ? null : at(losses, i);
      contexts.add(new MetricContext(model.classes().get(i), activation, loss));
    }
    return contexts;
  }

  private static <T> T at(List<T> list, int i) {
    return list.get(Math.min(i, list.size() - 1));
  }

  /** Whether the loss is exactly the one named (not a composite containing it). */
  boolean lossIs(String name) {
    return loss != null && loss.isSingle() && loss.terms().get(0).loss().equalsIgnoreCase(name);
  }
}
