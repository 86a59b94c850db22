package dev.musket.engine.predict;

import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV {@code musket predict} writes: {@code id}, one probability column per class, and for a
 * single-label output the predicted {@code label}. A multi-output model prefixes each output's
 * columns with {@code out<k>_} and names its labels {@code label_<k>}.
 */
public final class PredictionCsv {
  private PredictionCsv() {}

  public static List<String> header(Predictions p) {
    List<String> h = new ArrayList<>();
    h.add("id");
    boolean multi = p.outputs() > 1;
    for (int o = 0; o < p.outputs(); o++) {
      for (String c : p.classNames().get(o)) {
        h.add(multi ? "out" + o + "_" + c : c);
      }
    }
    for (int o = 0; o < p.outputs(); o++) {
      if (p.singleLabel()[o]) {
        h.add(multi ? "label_" + o : "label");
      }
    }
    return h;
  }

  public static String text(Predictions p) {
    StringBuilder sb = new StringBuilder(CsvText.row(header(p)));
    for (int i = 0; i < p.size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(p.ids().get(i));
      for (int o = 0; o < p.outputs(); o++) {
        for (float v : p.probabilities()[o][i]) {
          row.add(Float.toString(v));
        }
      }
      for (int o = 0; o < p.outputs(); o++) {
        if (p.singleLabel()[o]) {
          row.add(p.predictedLabel(o, i));
        }
      }
      sb.append(CsvText.row(row));
    }
    return sb.toString();
  }

  /** Writes the CSV atomically. */
  public static void write(Predictions p, Path file) throws IOException {
    AtomicFiles.writeString(file, text(p));
  }
}
