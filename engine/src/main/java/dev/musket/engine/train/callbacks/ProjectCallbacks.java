package dev.musket.engine.train.callbacks;

import dev.musket.engine.api.Callback;
import dev.musket.engine.config.ComponentSpec;
import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.project.ModuleDefinition;
import dev.musket.engine.project.ProjectModules;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The callbacks a project's own code defines: {@code @Callback("Name") public static
 * TrainingCallback name(Map<String, Object> args)} (or without arguments) in {@code
 * modules/*.java}. Musket projects wrote Keras callback classes in their modules and named them
 * under {@code callbacks:} with keyword arguments; here the method is the factory and the arguments
 * arrive as plain values: {@code Long}, {@code Double}, {@code Boolean}, {@code String}, {@code
 * null}, lists and maps of them, in the order written.
 *
 * <p>The signature is checked while the modules compile (a wrong one is an error at the method), so
 * what can fail here is the project's own code: its exception is reported with the method's place
 * and the config line that named it.
 */
public final class ProjectCallbacks {

  private ProjectCallbacks() {}

  /** A builder per {@code @Callback} of the compiled {@code modules}, by the name configs use. */
  public static Map<String, Function<ComponentSpec, TrainingCallback>> builders(
      ProjectModules modules) {
    Map<String, Function<ComponentSpec, TrainingCallback>> builders = new LinkedHashMap<>();
    for (ModuleDefinition d : modules.definitions()) {
      if (d.kind().equals("Callback")) {
        builders.put(d.name(), spec -> create(modules, d, spec));
      }
    }
    return builders;
  }

  private static TrainingCallback create(
      ProjectModules modules, ModuleDefinition d, ComponentSpec spec) {
    Method withArgs = find(modules, d, 1);
    Method method = withArgs != null ? withArgs : find(modules, d, 0);
    if (method == null) {
      throw new IllegalStateException("@Callback " + d.where() + " not found");
    }
    if (withArgs == null && !spec.args().isEmpty()) {
      throw new IllegalArgumentException(
          "Callback '"
              + spec.name()
              + "' (line "
              + spec.position().line()
              + ") is given arguments "
              + spec.args().keySet()
              + ", but "
              + d.where()
              + " takes none; add a 'Map<String, Object> args' parameter or remove them");
    }
    Object made;
    try {
      made = withArgs != null ? method.invoke(null, arguments(spec)) : method.invoke(null);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "@Callback "
              + d.where()
              + " failed for '"
              + spec.name()
              + "' (line "
              + spec.position().line()
              + "): "
              + e.getCause(),
          e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("@Callback " + d.where() + " must be public", e);
    }
    if (made == null) {
      throw new IllegalStateException("@Callback " + d.where() + " returned null");
    }
    return (TrainingCallback) made;
  }

  private static Method find(ProjectModules modules, ModuleDefinition d, int parameterCount) {
    try {
      return modules.method(d, Callback.class, parameterCount);
    } catch (IllegalStateException notThisShape) {
      return null;
    }
  }

  /** The config's arguments as plain Java values, in the order written. */
  static Map<String, Object> arguments(ComponentSpec spec) {
    Map<String, Object> args = new LinkedHashMap<>();
    spec.args().forEach((name, node) -> args.put(name, plain(node)));
    return Collections.unmodifiableMap(args);
  }

  private static Object plain(ConfigNode node) {
    if (node instanceof ConfigNode.Sequence seq) {
      List<Object> items = new ArrayList<>();
      seq.items().forEach(item -> items.add(plain(item)));
      return Collections.unmodifiableList(items);
    }
    if (node instanceof ConfigNode.Mapping m) {
      Map<String, Object> entries = new LinkedHashMap<>();
      m.entries().forEach(e -> entries.put(e.key(), plain(e.value())));
      return Collections.unmodifiableMap(entries);
    }
    return node instanceof ConfigNode.Scalar s ? s.value() : null;
  }
}
