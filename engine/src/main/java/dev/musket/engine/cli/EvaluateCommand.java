package dev.musket.engine.cli;

import dev.musket.engine.evaluate.ClassScores;
import dev.musket.engine.evaluate.Evaluation;
import dev.musket.engine.evaluate.EvaluationWriter;
import dev.musket.engine.evaluate.Evaluator;
import dev.musket.engine.evaluate.OutputEvaluation;
import dev.musket.engine.predict.PredictionException;
import dev.musket.engine.predict.Predictions;
import dev.musket.engine.predict.Predictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code musket evaluate}: how well an experiment's ensemble predicts a labelled selection. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a trained experiment on labelled items (the holdout by default): per-class"
          + " precision, recall and F1, the confusion matrix and the top-loss items, as CSV and PNG"
          + " in <experiment>/evaluation/<selection>/."
    })
final class EvaluateCommand implements Callable<Integer> {

  @Mixin SelectionOptions selection;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write (default: <experiment>/evaluation/<selection>/).")
  Path out;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "20",
      description = "How many top-loss items to list (default ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() throws IOException {
    try {
      Predictor predictor = Predictor.open(selection.project, selection.name);
      Predictions p =
          predictor.predict(selection.request(predictor.config().data().testTimeAugmentation()));
      Evaluation e = new Evaluator(top).evaluate(p);
      Path dir =
          out != null
              ? out
              : predictor.folder().dir().resolve("evaluation").resolve(p.source().fileName());
      EvaluationWriter.write(e, dir);
      print(e);
      System.err.println("wrote " + dir);
      return 0;
    } catch (PredictionException e) {
      System.err.println("musket evaluate: " + e.getMessage());
      return 1;
    }
  }

  private static void print(Evaluation e) {
    System.out.printf(
        Locale.ROOT,
        "%s on %s: %d images, %d model(s), TTA %s%n",
        e.experiment(),
        e.source().describe(),
        e.items(),
        e.members().size(),
        e.tta());
    for (OutputEvaluation o : e.outputs()) {
      if (e.outputs().size() > 1) {
        System.out.println("output " + o.output() + ":");
      }
      int width = o.classNames().stream().mapToInt(String::length).max().orElse(5);
      width = Math.max(width, "macro avg".length());
      String row = "%-" + width + "s %9s %9s %9s %8s%n";
      System.out.printf(Locale.ROOT, row, "class", "precision", "recall", "f1", "support");
      for (ClassScores c : o.classes()) {
        System.out.printf(
            Locale.ROOT,
            row,
            c.name(),
            fmt(c.precision()),
            fmt(c.recall()),
            fmt(c.f1()),
            c.support());
      }
      System.out.printf(
          Locale.ROOT,
          row,
          "macro avg",
          fmt(o.macroPrecision()),
          fmt(o.macroRecall()),
          fmt(o.macroF1()),
          e.items());
      System.out.printf(Locale.ROOT, "accuracy %s%n", fmt(o.accuracy()));
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
