package dev.musket.engine.cli;

import dev.musket.engine.runtime.NativeRuntime;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code musket}: the engine's command line. Each command is one class in this package; adding a
 * command means adding its class to {@code subcommands} below.
 *
 * <p>This package is the only place that prints to stdout (an architecture rule): commands turn
 * engine results into text, the engine itself only returns values and logs.
 */
@Command(
    name = "musket",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Declarative image-classification experiments: the Musket pipeline on the JVM.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ValidateCommand.class,
      SchemaCommand.class,
      WorkbenchCommand.class,
      SummaryCommand.class,
      PreviewCommand.class,
      AnalyzeCommand.class,
      TaskCommand.class,
      FitCommand.class,
      PredictCommand.class,
      EvaluateCommand.class,
      LrFindCommand.class,
    })
public final class MusketCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    NativeRuntime.initialize(); // before any ND4J class loads: selects the fast native path
    System.exit(run(args));
  }

  /** Runs one command line and returns its exit code (tests call this instead of {@link #main}). */
  public static int run(String... args) {
    return new CommandLine(new MusketCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setAbbreviatedOptionsAllowed(false)
        .execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
