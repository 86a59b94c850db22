package dev.musket.engine.cli;

import dev.musket.engine.predict.PredictionCsv;
import dev.musket.engine.predict.PredictionException;
import dev.musket.engine.predict.Predictions;
import dev.musket.engine.predict.Predictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code musket predict}: an experiment's ensemble predictions as CSV. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Predict with a trained experiment: the mean of the best weights of the chosen folds and"
          + " stages, optionally over test-time augmented views. Writes id, one probability per"
          + " class and, for single-label models, the predicted label.",
      "Predictions are cached under <experiment>/predictions/ until the weights change."
    })
final class PredictCommand implements Callable<Integer> {

  @Mixin SelectionOptions selection;

  @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV.")
  Path out;

  @Override
  public Integer call() throws IOException {
    try {
      Predictor predictor = Predictor.open(selection.project, selection.name);
      Predictions p =
          predictor.predict(selection.request(predictor.config().data().testTimeAugmentation()));
      PredictionCsv.write(p, out);
      System.err.println(
          "predicted "
              + p.size()
              + " images of "
              + p.source().describe()
              + " with "
              + p.members().size()
              + " model(s), TTA "
              + p.tta()
              + (p.fromCache() ? " (from the cache)" : "")
              + "; wrote "
              + out);
      return 0;
    } catch (PredictionException e) {
      System.err.println("musket predict: " + e.getMessage());
      return 1;
    }
  }
}
