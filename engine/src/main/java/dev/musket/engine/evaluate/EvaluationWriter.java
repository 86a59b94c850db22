package dev.musket.engine.evaluate;

import dev.musket.engine.experiment.FoldStage;
import dev.musket.engine.predict.CsvText;
import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes an {@link Evaluation} into a folder, every file atomically:
 *
 * <pre>
 * summary.csv      output, items, accuracy, macro precision / recall / F1, members, TTA
 * scores.csv       per class: support, TP, FP, FN, precision, recall, F1
 * confusion.csv    [true][predicted] counts (single-label outputs)
 * top-losses.csv   the worst items: id, true and predicted label, loss, probabilities
 * confusion.png    the confusion matrix as a heatmap (single-label outputs)
 * scores.png       per-class precision / recall / F1 bars
 * </pre>
 *
 * A multi-output model gets one set of per-output files, prefixed {@code out<k>-}.
 */
public final class EvaluationWriter {

  private EvaluationWriter() {}

  /** Writes the files and returns them. */
  public static List<Path> write(Evaluation e, Path dir) throws IOException {
    List<Path> written = new ArrayList<>();
    StringBuilder summary =
        new StringBuilder(
            CsvText.row(
                List.of(
                    "output", "items", "accuracy", "macro_precision", "macro_recall", "macro_f1")));
    // the folder is named by the selection only, so the file says which ensemble it scored
    String members = e.members().stream().map(FoldStage::token).collect(Collectors.joining(" "));
    for (OutputEvaluation o : e.outputs()) {
      summary.append(
          CsvText.row(
              List.of(
                  String.valueOf(o.output()),
                  String.valueOf(e.items()),
                  num(o.accuracy()),
                  num(o.macroPrecision()),
                  num(o.macroRecall()),
                  num(o.macroF1()),
                  members,
                  e.tta().name())));
    }
    written.add(write(dir.resolve("summary.csv"), summary.toString()));
    for (OutputEvaluation o : e.outputs()) {
      String prefix = e.outputs().size() > 1 ? "out" + o.output() + "-" : "";
      String title = e.experiment() + ": " + e.source().describe();
      written.add(write(dir.resolve(prefix + "scores.csv"), scores(o)));
      written.add(write(dir.resolve(prefix + "top-losses.csv"), topLosses(o)));
      written.add(write(dir.resolve(prefix + "scores.png"), EvaluationCharts.scoresPng(o, title)));
      if (o.confusion() != null) {
        written.add(write(dir.resolve(prefix + "confusion.csv"), confusion(o)));
        written.add(
            write(dir.resolve(prefix + "confusion.png"), EvaluationCharts.confusionPng(o, title)));
      }
    }
    return written;
  }

  static String scores(OutputEvaluation o) {
    StringBuilder sb =
        new StringBuilder(
            CsvText.row(
                List.of("class", "support", "tp", "fp", "fn", "precision", "recall", "f1")));
    for (ClassScores c : o.classes()) {
      sb.append(
          CsvText.row(
              List.of(
                  c.name(),
                  String.valueOf(c.support()),
                  String.valueOf(c.truePositives()),
                  String.valueOf(c.falsePositives()),
                  String.valueOf(c.falseNegatives()),
                  num(c.precision()),
                  num(c.recall()),
                  num(c.f1()))));
    }
    return sb.toString();
  }

  static String confusion(OutputEvaluation o) {
    List<String> header = new ArrayList<>(List.of("true\\predicted"));
    header.addAll(o.classNames());
    StringBuilder sb = new StringBuilder(CsvText.row(header));
    for (int t = 0; t < o.classNames().size(); t++) {
      List<String> row = new ArrayList<>(List.of(o.classNames().get(t)));
      for (int count : o.confusion()[t]) {
        row.add(String.valueOf(count));
      }
      sb.append(CsvText.row(row));
    }
    return sb.toString();
  }

  static String topLosses(OutputEvaluation o) {
    List<String> header = new ArrayList<>(List.of("id", "true", "predicted", "loss"));
    header.addAll(o.classNames());
    StringBuilder sb = new StringBuilder(CsvText.row(header));
    for (TopLoss t : o.topLosses()) {
      List<String> row = new ArrayList<>(List.of(t.id(), t.trueLabel(), t.predictedLabel()));
      row.add(num(t.loss()));
      for (float p : t.probabilities()) {
        row.add(Float.toString(p));
      }
      sb.append(CsvText.row(row));
    }
    return sb.toString();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.6f", v);
  }

  private static Path write(Path file, String text) throws IOException {
    AtomicFiles.writeString(file, text);
    return file;
  }

  private static Path write(Path file, byte[] bytes) throws IOException {
    AtomicFiles.write(file, bytes);
    return file;
  }
}
