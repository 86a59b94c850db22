package dev.musket.engine.events;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans events out to several listeners, shielding training from their failures.
 *
 * <p>Why: a broken progress bar or chart must never kill an hours-long training run, so a listener
 * that throws is logged and the others still receive the event.
 */
public final class TrainingListeners implements TrainingListener {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingListeners.class);

  private final List<TrainingListener> listeners;

  private TrainingListeners(List<TrainingListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  public static TrainingListener of(TrainingListener... listeners) {
    return new TrainingListeners(List.of(listeners));
  }

  public static TrainingListener of(List<TrainingListener> listeners) {
    return new TrainingListeners(listeners);
  }

  @Override
  public void onEvent(TrainingEvent event) {
    for (TrainingListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("Training listener {} failed on {}; training goes on", l, event, e);
      }
    }
  }
}
