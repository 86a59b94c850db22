package dev.musket.engine.data;

import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.project.ModuleDefinition;
import dev.musket.engine.project.ProjectModules;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Registers the dataset factories a project's code defines: every public static method annotated
 * {@link dev.musket.engine.api.DatasetFactory} that returns a {@link DataSet} becomes a name usable
 * in {@code dataset: {name: [args]}}. Arguments are matched to the method's parameters by position
 * or by name (modules are compiled with {@code -parameters}) and converted by {@link
 * FactoryArguments}.
 */
public final class ProjectDatasetFactories {

  private ProjectDatasetFactories() {}

  /**
   * Registers the compiled modules' factories; returns problems (a factory that returns no
   * DataSet).
   */
  public static List<Diagnostic> register(ProjectModules modules, DatasetFactories into) {
    List<Diagnostic> problems = new ArrayList<>();
    if (modules.definitions().isEmpty()) {
      return problems;
    }
    ClassLoader loader = modules.classLoader(); // lives as long as the factories do
    for (ModuleDefinition d : modules.definitions()) {
      if (!d.kind().equals("DatasetFactory")) {
        continue;
      }
      Method m = find(loader, d);
      if (m == null || !DataSet.class.isAssignableFrom(m.getReturnType())) {
        problems.add(
            Diagnostic.error(
                d.file(),
                "",
                d.position(),
                "@DatasetFactory "
                    + d.methodName()
                    + " must return a dev.musket.engine.data.DataSet"
                    + (m == null ? "" : ", not " + m.getReturnType().getSimpleName())));
        continue;
      }
      List<String> params = Arrays.stream(m.getParameters()).map(Parameter::getName).toList();
      into.register(d.name(), params, params, args -> invoke(m, d.name(), args));
    }
    return problems;
  }

  private static Method find(ClassLoader loader, ModuleDefinition d) {
    try {
      for (Method m : loader.loadClass(d.className()).getMethods()) {
        if (m.getName().equals(d.methodName())
            && m.isAnnotationPresent(dev.musket.engine.api.DatasetFactory.class)) {
          return m;
        }
      }
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
    return null;
  }

  private static DataSet invoke(Method m, String name, DatasetArgs args) throws IOException {
    Parameter[] ps = m.getParameters();
    Object[] values = new Object[ps.length];
    for (int i = 0; i < ps.length; i++) {
      values[i] = FactoryArguments.convert(ps[i], args);
    }
    if (args.hasErrors()) {
      return null;
    }
    try {
      return (DataSet) m.invoke(null, values);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IllegalArgumentException("dataset factory '" + name + "' failed: " + cause, cause);
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("dataset factory '" + name + "' is not accessible", e);
    }
  }
}
