package dev.musket.engine.cli;

import dev.musket.engine.analysis.AnalysisReport;
import dev.musket.engine.analysis.ProjectAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code musket analyze}: compare a project's experiments in one table. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the experiments of a project: the config keys that differ between them and each"
          + " metric averaged over folds of each fold's best. Writes a CSV and prints a table."
    })
final class AnalyzeCommand implements Callable<Integer> {

  @Option(names = "--project", required = true, paramLabel = "DIR", description = "The project.")
  Path project;

  @Option(
      names = {"--output", "--out"},
      paramLabel = "FILE",
      description = "Where to write the CSV (default: <project>/report.csv).")
  Path output;

  @Option(
      names = {"--onlyMetric", "--only-metric"},
      paramLabel = "METRIC",
      description = "Show only this metric (and sort by it).")
  String onlyMetric;

  @Option(
      names = {"--sortBy", "--sort-by"},
      paramLabel = "METRIC",
      description = "Sort best first by this metric (default val_loss).")
  String sortBy;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(project.resolve("experiments"))) {
      System.err.println("musket analyze: " + project + " has no experiments/ folder");
      return 2;
    }
    AnalysisReport report = new ProjectAnalyzer().analyze(project);
    // A misspelt metric would otherwise sort by nothing or drop every metric column, silently:
    // the very failure of Musket's --sortBy this command exists to fix.
    for (String asked : new String[] {sortBy, onlyMetric}) {
      if (asked != null && !report.rows().isEmpty() && !report.metricColumns().contains(asked)) {
        System.err.println(
            "musket analyze: no experiment has the metric '"
                + asked
                + "'; the metrics are: "
                + String.join(", ", report.metricColumns()));
        return 2;
      }
    }
    String sort = sortBy != null ? sortBy : onlyMetric != null ? onlyMetric : "val_loss";
    report = report.sortedBy(sort);
    if (onlyMetric != null) {
      report = report.onlyMetric(onlyMetric);
    }
    Path csv = output != null ? output : project.resolve("report.csv");
    report.writeCsv(csv);
    if (report.rows().isEmpty()) {
      System.out.println("No experiment of " + project + " has results yet.");
    } else {
      System.out.print(report.toTable());
    }
    System.err.println("wrote " + csv);
    return 0;
  }
}
