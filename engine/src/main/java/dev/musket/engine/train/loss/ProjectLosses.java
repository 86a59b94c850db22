package dev.musket.engine.train.loss;

import dev.musket.engine.project.ModuleDefinition;
import dev.musket.engine.project.ProjectModules;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Registers the losses a project's code defines ({@code @Loss} methods of {@code modules/*.java})
 * into a {@link LossRegistry}, and attaches them again to networks loaded from files.
 *
 * <p>The method's signature was checked when the modules compiled; each lookup of the name calls
 * the method for a fresh loss, wrapped in a {@link ProjectLoss}.
 */
public final class ProjectLosses {

  private ProjectLosses() {}

  /** Adds every {@code @Loss} of the compiled {@code modules} to {@code into}. */
  public static void register(ProjectModules modules, LossRegistry into) {
    for (ModuleDefinition d : modules.definitions()) {
      if (d.kind().equals("Loss")) {
        Method method = modules.method(d, dev.musket.engine.api.Loss.class, 0);
        String where = d.where();
        into.register(d.name(), () -> new ProjectLoss(d.name(), where, call(method, d, where)));
      }
    }
  }

  /**
   * Binds every {@link ProjectLoss} of a loaded {@code network} (alone or inside a composite) to
   * the loss {@code registry} resolves for its name; the network can then train again.
   *
   * @throws UnknownLossException when the project no longer defines one of them
   */
  public static void reattach(ComputationGraph network, LossRegistry registry) {
    List<ILossFunction> losses = new ArrayList<>();
    for (Layer layer : network.getLayers()) {
      collect(layer.conf().getLayer(), losses);
    }
    for (GraphVertex vertex : network.getConfiguration().getVertices().values()) {
      if (vertex instanceof LayerVertex lv) {
        collect(lv.getLayerConf().getLayer(), losses);
      }
    }
    for (ILossFunction loss : losses) {
      bind(loss, registry);
    }
  }

  private static void collect(
      org.deeplearning4j.nn.conf.layers.Layer layer, List<ILossFunction> out) {
    if (layer instanceof BaseOutputLayer output && output.getLossFn() != null) {
      out.add(output.getLossFn());
    } else if (layer instanceof LossLayer loss && loss.getLossFn() != null) {
      out.add(loss.getLossFn());
    }
  }

  private static void bind(ILossFunction loss, LossRegistry registry) {
    if (loss instanceof ProjectLoss p && !p.isBound()) {
      ILossFunction fresh = registry.resolve(p.name());
      p.bind(fresh instanceof ProjectLoss q ? q.delegateForBinding() : fresh);
    } else if (loss instanceof WeightedSumLoss sum) {
      for (ILossFunction term : sum.getLosses()) {
        bind(term, registry);
      }
    }
  }

  private static ILossFunction call(Method method, ModuleDefinition d, String where) {
    Object loss;
    try {
      loss = method.invoke(null);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "@Loss '" + d.name() + "' (" + where + ") failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("@Loss '" + d.name() + "' (" + where + ") is not public", e);
    }
    if (!(loss instanceof ILossFunction l)) {
      throw new IllegalStateException(
          "@Loss '" + d.name() + "' (" + where + ") returned null; return a new loss every call");
    }
    return l;
  }
}
