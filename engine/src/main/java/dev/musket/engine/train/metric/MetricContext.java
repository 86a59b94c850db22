package dev.musket.engine.train.metric;

import dev.musket.engine.config.LossExpression;
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

  /** Whether the loss is exactly the one named (not a composite containing it). */
  boolean lossIs(String name) {
    return loss != null && loss.isSingle() && loss.terms().get(0).loss().equalsIgnoreCase(name);
  }
}
