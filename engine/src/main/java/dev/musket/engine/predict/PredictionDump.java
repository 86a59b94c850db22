package dev.musket.engine.predict;

import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Musket's {@code dumpPredictionsToCSV}: after a fit, for every trained fold and stage, {@code
 * predictions/validation<fold>.<stage>-gt.csv} (ground truth) and {@code -pt.csv} (prediction) of
 * the fold's validation set, and with a holdout {@code holdout-<folds>.<stage>-gt/pt.csv} of the
 * folds' ensemble, folds joined by {@code _}.
 *
 * <p>Each file is {@code id,label}, the label as Musket's dataset {@code encode} wrote it: the
 * class names above 0.5, space-separated. One deliberate difference: for single-label outputs the
 * predicted label is the most probable class, since thresholding a softmax at 0.5 can leave an
 * image with no label at all. Multi-output models get one label column per output.
 */
public final class PredictionDump {

  private static final Logger LOG = LoggerFactory.getLogger(PredictionDump.class);

  private final Predictor predictor;

  public PredictionDump(Predictor predictor) {
    this.predictor = predictor;
  }

  public void write(List<Integer> folds, CancellationToken token) throws IOException {
    Path dir = predictor.folder().predictionsDir();
    int stages = predictor.config().training().stages().size();
    for (int stage = 0; stage < stages; stage++) {
      for (int fold : folds) {
        PredictionRequest r =
            PredictionRequest.of(new PredictionSource.Validation(fold))
                .withFolds(List.of(fold))
                .withStages(List.of(stage));
        dump(r, dir, "validation" + fold + "." + stage, token);
      }
      if (predictor.hasHoldout()) {
        PredictionRequest r =
            PredictionRequest.of(new PredictionSource.Holdout())
                .withFolds(folds)
                .withStages(List.of(stage));
        String names = folds.stream().map(String::valueOf).collect(Collectors.joining("_"));
        dump(r, dir, "holdout-" + names + "." + stage, token);
      }
    }
    LOG.info("Wrote prediction CSVs into {}", dir);
  }

  /** One pair of files; a fold whose stage never improved has no weights and is skipped. */
  private void dump(PredictionRequest r, Path dir, String base, CancellationToken token)
      throws IOException {
    Predictions p;
    try {
      p = predictor.predict(r, token);
    } catch (PredictionException e) {
      LOG.warn("dumpPredictionsToCSV: {} left out: {}", base, e.getMessage());
      return;
    }
    writePair(p, dir, base);
  }

  private static void writePair(Predictions p, Path dir, String base) throws IOException {
    AtomicFiles.writeString(dir.resolve(base + "-gt.csv"), text(p, i -> labels(p, i, true)));
    AtomicFiles.writeString(dir.resolve(base + "-pt.csv"), text(p, i -> labels(p, i, false)));
  }

  private static String text(Predictions p, IntFunction<List<String>> labels) {
    StringBuilder sb = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("id"));
    for (int o = 0; o < p.outputs(); o++) {
      header.add(p.outputs() > 1 ? "label_" + o : "label");
    }
    sb.append(CsvText.row(header));
    for (int i = 0; i < p.size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(p.ids().get(i));
      row.addAll(labels.apply(i));
      sb.append(CsvText.row(row));
    }
    return sb.toString();
  }

  private static List<String> labels(Predictions p, int item, boolean truth) {
    return IntStream.range(0, p.outputs())
        .mapToObj(o -> truth ? p.trueLabel(o, item) : p.predictedLabel(o, item))
        .toList();
  }
}
