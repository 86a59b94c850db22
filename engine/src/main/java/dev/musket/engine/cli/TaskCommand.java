package dev.musket.engine.cli;

import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.experiment.TaskRunner;
import dev.musket.engine.project.ProjectModules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code musket task}: run a project task (a {@code @Task} method of modules/) on an experiment.
 */
@Command(
    name = "task",
    mixinStandardHelpOptions = true,
    description =
        "Run a task defined by project code (@Task methods in modules/*.java) on an experiment; the"
            + " task writes into <experiment>/<task>/.")
final class TaskCommand implements Callable<Integer> {

  @Option(names = "--project", required = true, paramLabel = "DIR")
  Path project;

  @Option(names = "--name", required = true, paramLabel = "EXP", description = "The experiment.")
  String name;

  @Option(names = "--task", required = true, paramLabel = "NAME", description = "The task.")
  String task;

  @Override
  public Integer call() {
    Path config = project.resolve("experiments").resolve(name).resolve("config.yaml");
    ExperimentLoader.Loaded loaded = new ExperimentLoader().load(config);
    loaded.diagnostics().stream().map(Diagnostic::format).forEach(System.out::println);
    if (loaded.config().isEmpty()) {
      return 1;
    }
    ProjectModules modules = ProjectModules.compile(project);
    if (!modules.compiled()) {
      return 1; // already printed: the loader reports module compile errors
    }
    try {
      Object result = new TaskRunner(project, modules).run(task, loaded.config().get());
      if (result != null) {
        System.out.println(result);
      }
      Path out = config.getParent().resolve(task);
      if (Files.isDirectory(out)) {
        System.err.println("task output: " + out);
      }
      return 0;
    } catch (TaskRunner.TaskException e) {
      System.err.println("musket task: " + e.getMessage());
      return 1;
    }
  }
}
