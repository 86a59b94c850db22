package dev.musket.engine.train;

import dev.musket.engine.model.ModelRegistry;
import dev.musket.engine.model.StaticMethodBuilder;
import dev.musket.engine.project.ModuleDefinition;
import dev.musket.engine.project.ProjectModules;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Registers the architectures a project's {@code modules/*.java} define ({@code @Architecture}
 * methods) into the registry of that project's run, so {@code architecture: MyNet} trains what the
 * project wrote.
 */
public final class ProjectArchitectures {

  private ProjectArchitectures() {}

  /**
   * Registers the architectures of the project's modules (compiled once per change of their
   * sources; the class loader belongs to the compiled modules and outlives the run).
   */
  public static void register(ModelRegistry registry, Path projectDir) throws Exception {
    ProjectModules modules = ProjectModules.compile(projectDir);
    if (!modules.compiled()) {
      throw new IllegalStateException(
          "the project's modules do not compile: " + modules.problems().get(0).format());
    }
    for (ModuleDefinition d : modules.definitions()) {
      if (!d.kind().equals("Architecture")) {
        continue;
      }
      Class<?> type = Class.forName(d.className(), true, modules.classLoader());
      Method method =
          Arrays.stream(type.getMethods())
              .filter(m -> m.getName().equals(d.methodName()))
              .findFirst()
              .orElseThrow(() -> new NoSuchMethodException(d.className() + "." + d.methodName()));
      registry.register(d.name(), StaticMethodBuilder.of(method));
    }
  }
}
