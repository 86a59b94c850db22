package dev.musket.engine.cli;

import dev.musket.engine.config.ExperimentLoader;
import dev.musket.engine.config.validate.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code musket validate FILE...}: every problem as {@code FILE:LINE:COL: severity: message}. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check experiment configs and print every problem as FILE:LINE:COL: error|warning: message.",
      "Exits 1 when any error is found, 0 otherwise."
    })
final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "config.yaml files to check.")
  List<Path> files;

  @Override
  public Integer call() {
    ExperimentLoader loader = new ExperimentLoader();
    int errors = 0;
    int warnings = 0;
    for (Path file : files) {
      for (Diagnostic d : loader.load(file).diagnostics()) {
        System.out.println(d.format());
        if (d.isError()) {
          errors++;
        } else {
          warnings++;
        }
      }
    }
    System.err.printf(
        "%d error%s, %d warning%s in %d file%s%n",
        errors,
        errors == 1 ? "" : "s",
        warnings,
        warnings == 1 ? "" : "s",
        files.size(),
        files.size() == 1 ? "" : "s");
    return errors > 0 ? 1 : 0;
  }
}
