package dev.musket.app.lrfinder;

import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.train.lrfinder.LossCurve;
import dev.musket.engine.train.lrfinder.LrFinderListener;
import dev.musket.engine.train.lrfinder.LrFinderPoint;
import dev.musket.engine.train.lrfinder.LrFinderResult;
import dev.musket.engine.train.lrfinder.LrFinderSettings;
import dev.musket.engine.train.lrfinder.LrSuggestion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * An engine that trains nothing: a loss that falls fastest near 1e-2 and blows up past 1, one point
 * per batch through the real {@link LossCurve}, so the suggestion is the real rule's.
 */
final class FakeEngine implements LrFinderEngine {

  int batches = 60;
  IntConsumer afterBatch = b -> {};
  String seenText;
  LrFinderSettings seenSettings;

  @Override
  public LrFinderResult run(
      Path project,
      Path configFile,
      String configText,
      LrFinderSettings settings,
      LrFinderListener listener,
      CancellationToken token) {
    seenText = configText;
    seenSettings = settings;
    LossCurve curve = new LossCurve(0.5, 3, 4);
    listener.onStart(batches);
    List<LrFinderPoint> points = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      token.throwIfCancelled();
      double lr = settings.lrAt(b, batches);
      double log = Math.log10(lr);
      double loss = 2 / (1 + Math.exp(4 * (log + 2))) + 0.1 + (log > 0 ? 5 * log : 0);
      LrFinderPoint p = curve.add(lr, loss);
      points.add(p);
      listener.onPoint(p);
      afterBatch.accept(b);
    }
    return new LrFinderResult(
        points, batches, LrFinderResult.Ending.COMPLETED, LrSuggestion.of(points, 3, 0.5));
  }
}
