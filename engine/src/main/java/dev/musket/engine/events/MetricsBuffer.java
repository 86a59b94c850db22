package dev.musket.engine.events;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Hands training events from the training thread to a consumer that reads them in batches, such as
 * the workbench's charts on a fixed ~10 Hz pulse.
 *
 * <p>Why: one UI update per batch would flood the FX thread; the UI instead drains everything that
 * arrived since its last pulse and appends it to its series in one go. The queue is lock-free
 * ({@link ConcurrentLinkedQueue}), so the training thread never waits for the UI, and every event
 * arrives exactly once, in the order it was produced.
 *
 * <p>It is unbounded on purpose: events are small records, a pulse drains them all, and dropping
 * any would leave holes in the charts.
 */
public final class MetricsBuffer implements TrainingListener {

  private final ConcurrentLinkedQueue<TrainingEvent> queue = new ConcurrentLinkedQueue<>();

  /** Called on the training thread; never blocks. */
  @Override
  public void onEvent(TrainingEvent event) {
    queue.add(event);
  }

  /** Everything produced since the last drain, oldest first. */
  public List<TrainingEvent> drain() {
    List<TrainingEvent> out = new ArrayList<>();
    drainTo(out::add);
    return out;
  }

  /** Passes everything produced since the last drain to {@code sink}, oldest first. */
  public int drainTo(Consumer<? super TrainingEvent> sink) {
    int n = 0;
    TrainingEvent e;
    while ((e = queue.poll()) != null) {
      sink.accept(e);
      n++;
    }
    return n;
  }

  public boolean isEmpty() {
    return queue.isEmpty();
  }
}
