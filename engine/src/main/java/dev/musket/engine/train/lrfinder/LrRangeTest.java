package dev.musket.engine.train.lrfinder;

import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.train.NetworkLearningRate;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LR range test itself (Leslie Smith's, as fastai runs it): trains a network one batch at a
 * time while the learning rate grows exponentially, records each batch's loss, and stops when the
 * loss diverges or becomes NaN. It knows nothing of configs or files, so it can be tested on any
 * small network.
 *
 * <p>The network is trained in place: give it a fresh copy, never weights you want to keep.
 */
public final class LrRangeTest {

  private static final Logger LOG = LoggerFactory.getLogger(LrRangeTest.class);

  private final LrFinderSettings settings;

  public LrRangeTest(LrFinderSettings settings) {
    this.settings = settings;
  }

  /**
   * Runs the sweep.
   *
   * @param batchesPerEpoch batches taken from {@code data} per epoch (it is reset between epochs)
   * @throws dev.musket.engine.events.TrainingCancelledException when {@code token} is tripped; the
   *     token is checked before every batch
   */
  public LrFinderResult run(
      ComputationGraph network,
      MultiDataSetIterator data,
      int batchesPerEpoch,
      LrFinderListener listener,
      CancellationToken token) {
    if (batchesPerEpoch < 1) {
      throw new IllegalArgumentException(
          "the training data holds no batch: the LR finder needs at least one training item");
    }
    int total = batchesPerEpoch * settings.epochs();
    LossCurve curve = LossCurve.forSweep(total, settings);
    NetworkLearningRate lr = new NetworkLearningRate(network, settings.startLr());
    listener.onStart(total);
    LrFinderResult.Ending ending = LrFinderResult.Ending.COMPLETED;
    int batch = 0;
    sweep:
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      if (epoch > 0) {
        data.reset();
      }
      for (int b = 0; b < batchesPerEpoch && data.hasNext(); b++) {
        token.throwIfCancelled();
        double rate = settings.lrAt(batch, total);
        lr.setLearningRate(rate);
        MultiDataSet ds = data.next();
        network.fit(ds);
        listener.onPoint(curve.add(rate, network.score()));
        batch++;
        LrFinderResult.Ending stop = curve.stopReason();
        if (stop != null) {
          ending = stop;
          LOG.info("LR finder stopped at lr {} after {} batches: {}", rate, batch, stop.describe());
          break sweep;
        }
      }
    }
    return new LrFinderResult(
        curve.points(),
        total,
        ending,
        LrSuggestion.of(curve.points(), curve.window(), curve.beta()));
  }
}
