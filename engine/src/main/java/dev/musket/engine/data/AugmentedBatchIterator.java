package dev.musket.engine.data;

import dev.musket.engine.augment.AugmentSeeds;
import dev.musket.engine.augment.HwcImage;
import dev.musket.engine.augment.opencv.OpenCvOps;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * Feeds DL4J: decodes and augments items on a pool of worker threads, at most {@code
 * prefetchBatches} batches ahead of the consumer, and hands out {@link MultiDataSet}s (see {@link
 * BatchAssembler} for the layout).
 *
 * <p>Each item's random stream comes from (seed, epoch, dataset index), never from the thread that
 * happens to run it, so a batch is bit-identical whatever the thread count. {@link #reset} starts
 * the next epoch: a new shuffle (training) and new augmentations. A bad image surfaces from {@link
 * #next} as the {@link BadImageException} naming the file. Close it to stop the workers.
 */
public final class AugmentedBatchIterator implements MultiDataSetIterator, AutoCloseable {
  private static final long serialVersionUID = 1L;

  private final transient DataSet dataSet;
  private final int[] indices;
  private final transient ImagePipeline pipeline;
  private final LoaderSettings settings;
  private final transient ExecutorService workers;
  private final transient Deque<Future<Prepared>> pending = new ArrayDeque<>();
  private transient MultiDataSetPreProcessor preProcessor;
  private int[] order;
  private int epoch = -1;
  private int submitted;
  private int consumed;

  private record Prepared(HwcImage image, float[][] target) {}

  public AugmentedBatchIterator(
      DataSet dataSet, int[] indices, ImagePipeline pipeline, LoaderSettings settings) {
    this.dataSet = dataSet;
    this.indices = indices.clone();
    this.pipeline = pipeline;
    this.settings = settings;
    this.workers = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
    OpenCvOps.setInternalThreads(1);
    reset();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "musket-loader-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The epoch being served (0 for the first pass; each {@link #reset} adds one). */
  public int epoch() {
    return epoch;
  }

  /**
   * Serves {@code epoch} next, with the order and augmentations that epoch has in an uninterrupted
   * run (a resumed run continues from where it stopped).
   */
  public synchronized void seekEpoch(int epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
    }
    this.epoch = epoch - 1;
    reset();
  }

  @Override
  public synchronized void reset() {
    for (Future<Prepared> f : pending) {
      f.cancel(true);
    }
    pending.clear();
    epoch++;
    order = indices.clone();
    if (settings.training()) {
      Random random = new Random(AugmentSeeds.streamFor(settings.seed(), epoch, -1).nextLong());
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    submitted = 0;
    consumed = 0;
    fill();
  }

  private void fill() {
    int limit =
        Math.min(order.length, consumed + settings.prefetchBatches() * settings.batchSize());
    while (submitted < limit) {
      int index = order[submitted++];
      int ep = epoch;
      pending.addLast(workers.submit(() -> prepare(index, ep)));
    }
  }

  private Prepared prepare(int index, int ep) {
    PredictionItem item = dataSet.item(index);
    HwcImage img =
        pipeline.prepare(
            item.x(), settings.training(), AugmentSeeds.streamFor(settings.seed(), ep, index));
    return new Prepared(img, item.y());
  }

  @Override
  public synchronized boolean hasNext() {
    return consumed < order.length;
  }

  @Override
  public MultiDataSet next() {
    return next(settings.batchSize());
  }

  @Override
  public synchronized MultiDataSet next(int num) {
    if (!hasNext()) {
      throw new NoSuchElementException("epoch " + epoch + " is exhausted; call reset()");
    }
    int n = Math.min(num, order.length - consumed);
    List<HwcImage> images = new ArrayList<>(n);
    List<float[][]> targets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (pending.isEmpty()) {
        fill();
      }
      Prepared p = await(pending.removeFirst());
      images.add(p.image());
      targets.add(p.target());
      consumed++;
    }
    fill();
    MultiDataSet batch = BatchAssembler.assemble(images, targets);
    if (preProcessor != null) {
      preProcessor.preProcess(batch);
    }
    return batch;
  }

  private static Prepared await(Future<Prepared> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading a batch", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("loading a batch failed", e.getCause());
    }
  }

  /** How many batches one epoch has (the last one may be smaller). */
  public int batchesPerEpoch() {
    return (indices.length + settings.batchSize() - 1) / settings.batchSize();
  }

  @Override
  public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
    this.preProcessor = preProcessor;
  }

  @Override
  public MultiDataSetPreProcessor getPreProcessor() {
    return preProcessor;
  }

  @Override
  public boolean resetSupported() {
    return true;
  }

  /** False: this iterator already prefetches; DL4J must not wrap it in another async thread. */
  @Override
  public boolean asyncSupported() {
    return false;
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
