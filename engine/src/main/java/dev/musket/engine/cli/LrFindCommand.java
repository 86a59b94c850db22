package dev.musket.engine.cli;

import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.events.TrainingCancelledException;
import dev.musket.engine.experiment.ProjectExperiments;
import dev.musket.engine.train.lrfinder.LrFinder;
import dev.musket.engine.train.lrfinder.LrFinderListener;
import dev.musket.engine.train.lrfinder.LrFinderPoint;
import dev.musket.engine.train.lrfinder.LrFinderReport;
import dev.musket.engine.train.lrfinder.LrFinderResult;
import dev.musket.engine.train.lrfinder.LrFinderSettings;
import dev.musket.engine.train.lrfinder.LrSuggestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code musket lr-find}: the LR range test of one experiment, written as {@code lrfinder.csv} and
 * two PNG plots into a folder of its own; prints the suggested learning rate and range.
 */
@Command(
    name = "lr-find",
    mixinStandardHelpOptions = true,
    description = {
      "Find a learning rate: train a fresh copy of the experiment's first stage on fold 0 while the",
      "lr grows exponentially per batch, until the loss diverges. Writes lrfinder.csv,",
      "lrfinder-loss.png and lrfinder-loss-change.png; the experiment's own files are not touched."
    })
public final class LrFindCommand implements Callable<Integer> {

  @Option(names = "--project", required = true, description = "The project folder.")
  Path project;

  @Option(
      names = "--name",
      required = true,
      description = "The experiment (folder under experiments/).")
  String name;

  @Option(
      names = {"--start_lr", "--start-lr"},
      description = "The first batch's lr (default ${DEFAULT-VALUE}).",
      defaultValue = "1e-7")
  double startLr;

  @Option(
      names = {"--end_lr", "--end-lr"},
      description = "The last batch's lr (default ${DEFAULT-VALUE}).",
      defaultValue = "10")
  double endLr;

  @Option(
      names = "--epochs",
      description = "Epochs the sweep spreads over (default ${DEFAULT-VALUE}).",
      defaultValue = "1")
  int epochs;

  @Option(
      names = {"--num_workers", "--num-workers"},
      description = "Threads decoding and augmenting images (default: one per core).")
  Integer numWorkers;

  @Option(names = "--out", required = true, description = "The output folder.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(project)) {
      System.err.println(project + ": no such project folder");
      return 1;
    }
    LrFinderSettings settings;
    try {
      settings = LrFinderSettings.of(startLr, endLr, epochs);
    } catch (IllegalArgumentException e) {
      System.err.println("lr-find: " + e.getMessage());
      return 2;
    }
    Path config = ProjectExperiments.configOf(project, name);
    if (!Files.isRegularFile(config)) {
      System.err.println(
          "no experiment '"
              + name
              + "' in "
              + project.resolve("experiments")
              + "; known: "
              + String.join(", ", ProjectExperiments.names(project)));
      return 1;
    }
    ExperimentLoader.Loaded loaded = new ExperimentLoader().load(config);
    loaded.diagnostics().forEach(d -> System.err.println(d.format()));
    if (loaded.hasErrors() || loaded.config().isEmpty()) {
      System.err.println(name + ": the config has errors; fix them first");
      return 1;
    }
    int threads = numWorkers != null ? numWorkers : Runtime.getRuntime().availableProcessors();
    CancellationToken token = new CancellationToken();
    Thread hook = new Thread(() -> token.cancel("interrupted"), "musket-lr-find-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    LrFinder.Outcome outcome;
    try {
      outcome =
          new LrFinder()
              .run(
                  project.toAbsolutePath(),
                  loaded.config().get(),
                  settings,
                  out,
                  threads,
                  new Progress(),
                  token);
    } catch (TrainingCancelledException e) {
      System.err.println("lr-find: cancelled (" + e.getMessage() + ")");
      return 130;
    } catch (RuntimeException e) {
      // a bad image, missing pretrained weights, an output folder refused: the message names it
      System.err.println("lr-find: " + e.getMessage());
      return 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting
      }
    }
    for (Diagnostic d : outcome.diagnostics()) {
      System.err.println(d.format());
    }
    if (outcome.result().isEmpty()) {
      System.err.println(name + ": the data has errors; nothing trained");
      return 1;
    }
    print(outcome.result().get());
    return 0;
  }

  private void print(LrFinderResult result) {
    System.out.println(
        "lr-find: "
            + result.points().size()
            + " of "
            + result.plannedBatches()
            + " batches; stopped because "
            + result.ending().describe());
    if (result.suggestion().isPresent()) {
      LrSuggestion s = result.suggestion().get();
      System.out.println("suggested lr: " + LrFinderReport.format(s.lr()));
      System.out.println(
          "range: "
              + LrFinderReport.format(s.rangeLow())
              + " .. "
              + LrFinderReport.format(s.rangeHigh())
              + "  (minimum loss at "
              + LrFinderReport.format(s.minLossLr())
              + ")");
      System.out.println("rule: " + LrSuggestion.RULE);
    } else {
      System.out.println(
          "no suggestion: the loss never fell; try a lower --start_lr, a higher --end_lr or more"
              + " --epochs");
    }
    result.shortSweepHint(epochs).ifPresent(hint -> System.out.println("note: " + hint));
    System.out.println(
        "wrote "
            + out.resolve(LrFinderReport.CSV)
            + ", "
            + LrFinderReport.LOSS_PLOT
            + " and "
            + LrFinderReport.CHANGE_PLOT);
  }

  /** One line per tenth of the sweep, so a long run shows it is alive. */
  private static final class Progress implements LrFinderListener {
    private int planned;

    @Override
    public void onStart(int plannedBatches) {
      planned = plannedBatches;
    }

    @Override
    public void onPoint(LrFinderPoint p) {
      int step = Math.max(1, planned / 10);
      if ((p.batch() + 1) % step == 0) {
        System.out.printf(
            "batch %d/%d  lr %s  loss %.4f%n",
            p.batch() + 1, planned, LrFinderReport.format(p.lr()), p.smoothedLoss());
      }
    }
  }
}
