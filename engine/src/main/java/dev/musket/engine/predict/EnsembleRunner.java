package dev.musket.engine.predict;

import dev.musket.engine.data.AugmentedBatchIterator;
import dev.musket.engine.data.ImagePipeline;
import dev.musket.engine.data.LoaderSettings;
import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.util.Matrices;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an ensemble: every member network over every item, each batch in every TTA view, and returns
 * the mean, {@code [output][item][class]} in the items' order.
 *
 * <p>Why one member at a time: only one network is in memory, so a 5-fold x 3-stage ensemble of a
 * large backbone fits where fifteen networks would not; the images are decoded once per member.
 */
final class EnsembleRunner {

  private static final Logger LOG = LoggerFactory.getLogger(EnsembleRunner.class);

  private final ImagePipeline pipeline;
  private final int batchSize;
  private final int threads;

  EnsembleRunner(ImagePipeline pipeline, int batchSize, int threads) {
    this.pipeline = pipeline;
    this.batchSize = batchSize;
    this.threads = threads;
  }

  float[][][] run(
      List<Path> weights,
      SelectedItems items,
      List<TtaView> views,
      CancellationToken token,
      PredictionProgress progress)
      throws IOException {
    float[][][] sum = null;
    double share = 1.0 / (weights.size() * views.size());
    try (AugmentedBatchIterator data =
        new AugmentedBatchIterator(
            items.dataSet(),
            items.indices(),
            pipeline,
            new LoaderSettings(batchSize, threads, 2, false, 0))) {
      int total = weights.size() * data.batchesPerEpoch();
      int done = 0;
      for (int m = 0; m < weights.size(); m++) {
        LOG.info("Predicting with {} ({} views)", weights.get(m), views.size());
        ComputationGraph network =
            ModelSerializer.restoreComputationGraph(weights.get(m).toFile(), false);
        if (m > 0) {
          data.reset();
        }
        int row = 0;
        while (data.hasNext()) {
          token.throwIfCancelled();
          MultiDataSet batch = data.next();
          INDArray x = batch.getFeatures(0);
          int n = (int) x.size(0);
          for (TtaView view : views) {
            INDArray[] out = network.output(false, view.apply(x));
            if (sum == null) {
              sum = new float[out.length][items.indices().length][];
            }
            for (int o = 0; o < out.length; o++) {
              float[][] p = Matrices.floatRows(out[o]);
              for (int i = 0; i < n; i++) {
                float[] acc = sum[o][row + i];
                if (acc == null) {
                  acc = new float[p[i].length];
                  sum[o][row + i] = acc;
                }
                for (int c = 0; c < acc.length; c++) {
                  acc[c] += (float) (p[i][c] * share);
                }
              }
            }
          }
          row += n;
          progress.batchDone(++done, total);
        }
      }
    }
    return sum;
  }
}
