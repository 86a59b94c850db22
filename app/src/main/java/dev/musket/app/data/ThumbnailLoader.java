package dev.musket.app.data;

import dev.musket.app.task.TaskExecutor;
import dev.musket.app.task.TaskHandle;
import dev.musket.engine.data.DataSet;
import dev.musket.engine.data.Thumbnails;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes thumbnails of one dataset on demand, for the cells that are on screen now, and keeps the
 * recent ones in a cache bounded by pixel count.
 *
 * <p>Why batches, one at a time: a fast scroll through 60,000 items asks for thousands of
 * thumbnails; one task per thumbnail would flood the executor. Instead cells register what they
 * want ({@link #request}) and withdraw it when they scroll away ({@link #forget}); a single
 * background task decodes the most recently wanted items, a batch at a time, so work follows the
 * viewport and items scrolled past are never decoded. All methods are called on the FX thread.
 */
public final class ThumbnailLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ThumbnailLoader.class);
  static final int BATCH = 24;

  private final TaskExecutor executor;
  private final DataSet dataSet;
  private final int maxSide;
  private final long pixelBudget;
  private final LinkedHashMap<Integer, Optional<Pixels>> cache =
      new LinkedHashMap<>(64, 0.75f, true);
  private final LinkedHashMap<Integer, List<Consumer<Optional<Pixels>>>> waiting =
      new LinkedHashMap<>();
  private long cachedPixels;
  private boolean working;
  private TaskHandle running;
  private boolean closed;
  private int decoded;

  /**
   * @param maxSide thumbnails are shrunk to at most this many pixels a side
   * @param pixelBudget the cache holds at most this many pixels (4 bytes each)
   */
  public ThumbnailLoader(TaskExecutor executor, DataSet dataSet, int maxSide, long pixelBudget) {
    this.executor = executor;
    this.dataSet = dataSet;
    this.maxSide = maxSide;
    this.pixelBudget = pixelBudget;
  }

  /**
   * Calls {@code onReady} with item {@code index}'s thumbnail, at once when cached, else once it is
   * decoded (empty when the image cannot be read), unless {@link #forget} withdraws it first.
   */
  public void request(int index, Consumer<Optional<Pixels>> onReady) {
    Optional<Pixels> cached = cache.get(index);
    if (cached != null) {
      onReady.accept(cached);
      return;
    }
    // re-inserting moves the item to the end: the newest wishes are served first
    List<Consumer<Optional<Pixels>>> waiters = waiting.remove(index);
    if (waiters == null) {
      waiters = new ArrayList<>(1);
    }
    waiters.add(onReady);
    waiting.put(index, waiters);
    pump();
  }

  /** Withdraws a {@link #request} (its cell now shows another item). */
  public void forget(int index, Consumer<Optional<Pixels>> onReady) {
    List<Consumer<Optional<Pixels>>> waiters = waiting.get(index);
    if (waiters != null && waiters.remove(onReady) && waiters.isEmpty()) {
      waiting.remove(index);
    }
  }

  /** Stops decoding for good (the view moved to another dataset). */
  public void close() {
    closed = true;
    waiting.clear();
    if (running != null) {
      running.cancel();
    }
  }

  /** How many thumbnails have been decoded so far (cache misses): for tests and diagnostics. */
  public int decodedCount() {
    return decoded;
  }

  public int cachedCount() {
    return cache.size();
  }

  private void pump() {
    if (closed || working || waiting.isEmpty()) {
      return;
    }
    List<Integer> all = new ArrayList<>(waiting.keySet());
    List<Integer> batch = new ArrayList<>(all.subList(Math.max(0, all.size() - BATCH), all.size()));
    working = true;
    TaskHandle handle =
        executor.submit(
            "Decoding thumbnails",
            context -> {
              Map<Integer, Optional<Pixels>> out = new HashMap<>();
              for (int i = batch.size() - 1; i >= 0 && !context.isCancelled(); i--) {
                out.put(batch.get(i), decode(batch.get(i)));
              }
              return out;
            },
            this::deliver,
            failure -> {
              LOG.warn("thumbnail batch failed", failure);
              working = false;
              running = null;
              batch.forEach(waiting::remove);
              pump();
            });
    // a same-thread executor has finished the batch already; only a live one is worth cancelling
    running = working ? handle : null;
  }

  private Optional<Pixels> decode(int index) {
    try {
      return Optional.of(Pixels.of(Thumbnails.of(dataSet, index, maxSide)));
    } catch (RuntimeException e) {
      // a missing or corrupt file shows as such in its cell; the grid carries on
      LOG.debug("cannot decode item {}", index, e);
      return Optional.empty();
    }
  }

  private void deliver(Map<Integer, Optional<Pixels>> results) {
    working = false;
    running = null;
    results.forEach(
        (index, pixels) -> {
          decoded++;
          put(index, pixels);
          List<Consumer<Optional<Pixels>>> waiters = waiting.remove(index);
          if (waiters != null) {
            List.copyOf(waiters).forEach(w -> w.accept(pixels));
          }
        });
    pump();
  }

  private void put(int index, Optional<Pixels> pixels) {
    cache.put(index, pixels);
    cachedPixels += pixels.map(p -> (long) p.argb().length).orElse(0L);
    Iterator<Optional<Pixels>> eldest = cache.values().iterator();
    while (cachedPixels > pixelBudget && cache.size() > 1 && eldest.hasNext()) {
      cachedPixels -= eldest.next().map(p -> (long) p.argb().length).orElse(0L);
      eldest.remove();
    }
  }
}
