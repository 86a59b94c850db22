package dev.musket.engine.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static method of project code (`<project>/modules/*.java`) as a loss, usable in
 * `loss:` (of the experiment or of a stage), in composite expressions such as {@code
 * my_loss+0.5*binary_crossentropy}, and as a metric.
 *
 * <p>The method takes no arguments and returns a fresh DL4J loss; it is called once per network:
 *
 * <pre>
 * &#64;Loss("my_loss")
 * public static ILossFunction myLoss()   // org.nd4j.linalg.lossfunctions.ILossFunction
 * </pre>
 *
 * Extending {@code dev.musket.engine.train.loss.KerasLoss} is the short way: it takes per-example
 * values and their gradient w.r.t. the activated output as plain arrays, and handles the
 * activation, masks and DL4J's reduction (see docs/losses-and-metrics.md).
 *
 * <p>The name a config uses is {@link #value()}, or the method's name when that is empty; names are
 * matched case-insensitively, as Musket matched them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Loss {
  /** The name configs use; the method's name when empty. */
  String value() default "";
}
