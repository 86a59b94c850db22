package dev.musket.engine.train.metric;

import dev.musket.engine.project.ModuleDefinition;
import dev.musket.engine.project.ProjectModules;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Registers the metrics a project's code defines ({@code @Metric} methods of {@code
 * modules/*.java}) into a {@link MetricRegistry}, so that {@code metrics:}, {@code val_} names,
 * {@code primary_metric}, callbacks' {@code monitor} and {@code final_metrics} find them as they
 * find the built-in ones.
 *
 * <p>The signature was checked when the modules compiled: {@code double m(INDArray yTrue, INDArray
 * yPred)} or {@code double m(double[][] yTrue, double[][] yPred)}.
 */
public final class ProjectMetrics {

  private ProjectMetrics() {}

  /** Adds every {@code @Metric} of the compiled {@code modules} to {@code into}. */
  public static void register(ProjectModules modules, MetricRegistry into) {
    for (ModuleDefinition d : modules.definitions()) {
      if (d.kind().equals("Metric")) {
        Method method = modules.method(d, dev.musket.engine.api.Metric.class, 2);
        ProjectMetric.Function function = function(method, d);
        boolean threshold =
            method.getAnnotation(dev.musket.engine.api.Metric.class).needThreshold();
        into.register(d.name(), (name, context) -> new ProjectMetric(name, function), threshold);
      }
    }
  }

  private static ProjectMetric.Function function(Method method, ModuleDefinition d) {
    boolean arrays = method.getParameterTypes()[0] == INDArray.class;
    return (yTrue, yPred) -> {
      Object[] args =
          arrays
              ? new Object[] {Nd4j.createFromArray(yTrue), Nd4j.createFromArray(yPred)}
              : new Object[] {yTrue, yPred};
      try {
        return (double) method.invoke(null, args);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(
            "@Metric '" + d.name() + "' (" + d.where() + ") failed: " + e.getCause(), e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(
            "@Metric '" + d.name() + "' (" + d.where() + ") is not public", e);
      }
    };
  }
}
