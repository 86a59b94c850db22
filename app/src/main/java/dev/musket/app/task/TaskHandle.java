package dev.musket.app.task;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * One submitted task as the UI sees it. Its properties change on the FX thread only (the same
 * thread, in tests), so views may bind to them.
 */
public interface TaskHandle {

  String title();

  /** Asks the work to stop; a result that arrives after this is dropped, not delivered. */
  void cancel();

  boolean isCancelled();

  /** Progress in [0, 1], or -1 while unknown. */
  ReadOnlyDoubleProperty progressProperty();

  ReadOnlyStringProperty messageProperty();
}
