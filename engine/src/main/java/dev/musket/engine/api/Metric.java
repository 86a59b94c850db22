package dev.musket.engine.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public static method of project code (`<project>/modules/*.java`) as a metric, usable in
 * `metrics:` (logged per epoch, also as `val_name`), as `primary_metric`, by callbacks' `monitor`,
 * and in `final_metrics`.
 *
 * <p>The method takes the targets and the activated predictions of one output head over a whole
 * epoch (or a whole prediction set), rows in the same order, and returns the value:
 *
 * <pre>
 * &#64;Metric("my_metric")
 * public static double myMetric(INDArray yTrue, INDArray yPred)      // [examples, outputs] each
 * public static double myMetric(double[][] yTrue, double[][] yPred)  // the same as plain arrays
 * </pre>
 *
 * <p>The name a config uses is {@link #value()}, or the method's name when that is empty; names are
 * matched case-insensitively, as Musket matched them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Metric {
  /** The name configs use; the method's name when empty. */
  String value() default "";

  /**
   * Whether summaries (summary.yaml, holdout values) feed the metric predictions thresholded at
   * 0.5, as Musket's summaries do for Keras metrics unless they set {@code need_threshold=False}.
   * Set it to false for metrics of scores, such as an AUC. Training logs always see raw
   * predictions.
   */
  boolean needThreshold() default true;
}
