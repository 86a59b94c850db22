package dev.musket.engine.experiment;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.ExperimentConfig;
import dev.musket.engine.data.DataSet;
import dev.musket.engine.data.DatasetBuild;
import dev.musket.engine.data.DatasetFactories;
import dev.musket.engine.data.ProjectDatasetFactories;
import dev.musket.engine.project.ModuleDefinition;
import dev.musket.engine.project.ProjectModules;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs a project's tasks ({@link dev.musket.engine.api.Task} methods) on an experiment, as Musket's
 * {@code task} command did: each parameter gets what its type asks for, an {@link ExperimentConfig}
 * the parsed experiment, a {@link DataSet} the dataset its parameter name names ({@code dataset} or
 * {@code train} for the training data, otherwise an entry of {@code datasets:}), a {@link Path} the
 * task's own folder {@code <experiment>/<task>/}, which is created.
 */
public final class TaskRunner {

  private final Path project;
  private final ProjectModules modules;

  public TaskRunner(Path project, ProjectModules modules) {
    this.project = project;
    this.modules = modules;
  }

  /** The task names the project defines. */
  public List<String> taskNames() {
    return modules.definitions().stream()
        .filter(d -> d.kind().equals("Task"))
        .map(ModuleDefinition::name)
        .toList();
  }

  /**
   * Runs {@code task} on {@code experiment} and returns what the task returned (or null).
   *
   * @throws TaskException naming the task, with a message the user can act on
   */
  public Object run(String task, ExperimentConfig experiment) {
    ModuleDefinition definition =
        modules.definitions().stream()
            .filter(d -> d.kind().equals("Task") && d.name().equalsIgnoreCase(task))
            .findFirst()
            .orElseThrow(
                () ->
                    new TaskException(
                        "no task '"
                            + task
                            + "' in "
                            + project.resolve("modules")
                            + "; tasks: "
                            + String.join(", ", taskNames())));
    Method method = method(definition);
    Path out = experiment.file().getParent().resolve(definition.name());
    Object[] arguments = new Object[method.getParameterCount()];
    DatasetFactories factories = null;
    for (int i = 0; i < arguments.length; i++) {
      Parameter p = method.getParameters()[i];
      Class<?> type = p.getType();
      if (type == ExperimentConfig.class) {
        arguments[i] = experiment;
      } else if (type == Path.class) {
        arguments[i] = createFolder(out);
      } else if (DataSet.class.isAssignableFrom(type)) {
        if (factories == null) {
          factories = DatasetFactories.builtIn();
          ProjectDatasetFactories.register(modules, factories);
        }
        arguments[i] = dataset(factories, experiment, p.getName(), definition);
      } else {
        throw new TaskException(
            definition.file().getFileName()
                + ":"
                + definition.position()
                + ": task '"
                + definition.name()
                + "' has a parameter '"
                + p.getName()
                + "' of type "
                + type.getSimpleName()
                + "; tasks take ExperimentConfig, DataSet (named after a dataset) or Path (their folder)");
      }
    }
    try {
      return method.invoke(null, arguments);
    } catch (InvocationTargetException e) {
      throw new TaskException(
          "task '" + definition.name() + "' failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new TaskException("task '" + definition.name() + "' is not public", e);
    }
  }

  private Method method(ModuleDefinition d) {
    try {
      for (Method m : modules.classLoader().loadClass(d.className()).getMethods()) {
        if (m.getName().equals(d.methodName())
            && m.isAnnotationPresent(dev.musket.engine.api.Task.class)) {
          return m;
        }
      }
    } catch (ClassNotFoundException e) {
      throw new TaskException("cannot load " + d.className() + ": " + e.getMessage(), e);
    }
    throw new TaskException("task method " + d.className() + "." + d.methodName() + " not found");
  }

  private DataSet dataset(
      DatasetFactories factories, ExperimentConfig experiment, String name, ModuleDefinition task) {
    Optional<ConfigNode> node =
        name.equals("dataset") || name.equals("train")
            ? experiment.raw().get("dataset")
            : experiment
                .raw()
                .get("datasets")
                .flatMap(d -> d instanceof ConfigNode.Mapping m ? m.get(name) : Optional.empty());
    if (node.isEmpty()) {
      throw new TaskException(
          "task '"
              + task.name()
              + "' asks for the dataset '"
              + name
              + "', but the experiment has no"
              + (name.equals("dataset") || name.equals("train")
                  ? " dataset"
                  : " datasets." + name));
    }
    DatasetBuild build = factories.create(node.get(), project);
    return build
        .dataSet()
        .orElseThrow(
            () ->
                new TaskException(
                    "dataset '"
                        + name
                        + "' for task '"
                        + task.name()
                        + "': "
                        + build.diagnostics().stream().map(d -> d.format()).toList()));
  }

  private static Path createFolder(Path out) {
    try {
      return Files.createDirectories(out);
    } catch (IOException e) {
      throw new TaskException("cannot create " + out + ": " + e.getMessage(), e);
    }
  }

  /** A task that cannot run or that failed; the message says which and why. */
  public static final class TaskException extends RuntimeException {
    TaskException(String message) {
      super(message);
    }

    TaskException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
