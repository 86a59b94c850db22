package dev.musket.engine.cli;

import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.experiment.ExperimentFolder;
import dev.musket.engine.experiment.ProjectExperiments;
import dev.musket.engine.experiment.SummaryStatus;
import dev.musket.engine.runtime.GpuRequest;
import dev.musket.engine.train.ExperimentRunner;
import dev.musket.engine.train.FitOptions;
import dev.musket.engine.train.FitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code musket fit}: trains experiments of a project with Musket's flags, printing progress, and
 * exits 1 when a config is invalid or a run fails.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Train experiments: every selected fold and stage, then summary.yaml.",
      "Without --name, every experiment that has not completed yet."
    })
public final class FitCommand implements Callable<Integer> {

  static final String NOTHING_TO_DO =
      "No experiments or all experiments already finished, nothing to launch";

  @Spec CommandSpec spec;

  @Option(names = "--project", required = true, description = "The project folder.")
  Path project;

  @Option(
      names = "--name",
      split = ",",
      description = "Experiments to fit (paths under experiments/), comma-separated.")
  List<String> names = new ArrayList<>();

  @Option(
      names = {"--num_gpus", "--num-gpus"},
      description =
          "GPUs to use, the first N CUDA shows (a -Pcuda build; reported as ignored on the CPU).")
  Integer numGpus;

  @Option(
      names = {"--gpus_per_net", "--gpus-per-net"},
      description = "GPUs per network (one network trains on one device; reported when more).")
  Integer gpusPerNet;

  @Option(
      names = {"--num_workers", "--num-workers"},
      description = "Threads decoding and augmenting images (default: one per core).")
  Integer numWorkers;

  @Option(
      names = {"--allow_resume", "--allow-resume"},
      description = "Continue interrupted runs from their last completed epoch.")
  boolean allowResume;

  @Option(
      names = {"--only_report", "--only-report"},
      description = "Train nothing; rebuild summary.yaml from the saved best weights.")
  boolean onlyReport;

  @Option(names = "--folds", split = ",", description = "Folds to train, e.g. 0,2.")
  List<Integer> folds = new ArrayList<>();

  @Option(
      names = "--time",
      description = "Stop at the first epoch end after SEC seconds (no summary; resumable).")
  Long timeSeconds;

  @Option(names = "--cache", description = "Dataset cache folder (this engine keeps none yet).")
  Path cache;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(project)) {
      System.err.println(project + ": no such project folder");
      return 1;
    }
    if (cache != null) {
      System.out.println("--cache is ignored: this engine keeps no dataset cache yet");
    }
    GpuRequest gpus;
    try {
      gpus = new GpuRequest(numGpus, gpusPerNet); // applied, or reported as ignored, by the run
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    List<String> selected = select();
    if (selected.isEmpty()) {
      System.out.println(NOTHING_TO_DO);
      return unknownName ? 1 : 0;
    }
    FitOptions options =
        new FitOptions(
            allowResume,
            onlyReport,
            folds,
            timeSeconds == null ? null : Duration.ofSeconds(timeSeconds),
            numWorkers != null ? numWorkers : Runtime.getRuntime().availableProcessors(),
            gpus);
    ExperimentLoader loader = new ExperimentLoader();
    ExperimentRunner runner = new ExperimentRunner();
    FitProgressPrinter printer = new FitProgressPrinter(System.out, System.console() != null);
    boolean failed = false;
    for (String name : selected) {
      Path config = ProjectExperiments.configOf(project, name);
      ExperimentLoader.Loaded loaded = loader.load(config);
      loaded.diagnostics().forEach(d -> System.out.println(d.format()));
      if (loaded.hasErrors() || loaded.config().isEmpty()) {
        System.out.println("== " + name + ": the config has errors; not trained");
        failed = true;
        continue;
      }
      FitResult result = runCancellable(runner, name, loaded, options, printer);
      for (Diagnostic d : result.diagnostics()) {
        System.out.println(d.format());
      }
      switch (result.outcome()) {
        case TIME_UP -> System.out.println("== " + name + ": time limit reached; resumable");
        case INVALID ->
            System.out.println(
                "== "
                    + name
                    + ": not trained: "
                    + (result.error() != null ? result.error() : "the data has errors"));
        default -> {}
      }
      failed |= result.isFailure();
      if (result.outcome() == FitResult.Outcome.CANCELLED) {
        break; // interrupted: the JVM is shutting down, launch nothing more
      }
    }
    return failed || unknownName ? 1 : 0;
  }

  private boolean unknownName;

  /** Runs one experiment; Ctrl+C cancels it cleanly (marked cancelled) before the JVM exits. */
  private FitResult runCancellable(
      ExperimentRunner runner,
      String name,
      ExperimentLoader.Loaded loaded,
      FitOptions options,
      FitProgressPrinter printer) {
    CancellationToken token = new CancellationToken();
    CountDownLatch done = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              token.cancel("interrupted");
              try {
                done.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "musket-fit-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return runner.fit(
          project.toAbsolutePath(), name, loaded.config().get(), options, printer, token);
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: the JVM exits after this run
      }
    }
  }

  /** The named experiments, or every experiment that has not completed. */
  private List<String> select() throws IOException {
    List<String> all = ProjectExperiments.names(project);
    if (!names.isEmpty()) {
      List<String> out = new ArrayList<>();
      for (String n : names) {
        String name = n.strip();
        if (!all.contains(name)) {
          System.err.println(
              "no experiment '"
                  + name
                  + "' in "
                  + project.resolve("experiments")
                  + "; known: "
                  + String.join(", ", all));
          unknownName = true;
          continue;
        }
        out.add(name);
      }
      return out;
    }
    List<String> open = new ArrayList<>();
    for (String name : all) {
      ExperimentFolder folder = new ExperimentFolder(ProjectExperiments.configOf(project, name));
      boolean completed =
          folder.readSummary().filter(s -> s instanceof SummaryStatus.Completed).isPresent();
      if (!completed) {
        open.add(name);
      }
    }
    return open;
  }
}
