package dev.musket.app.task;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The handle both executors hand out: a cancellation flag plus FX-thread progress properties. */
final class TaskState implements TaskHandle {

  private final String title;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

  TaskState(String title) {
    this.title = title;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public void cancel() {
    cancelled.set(true);
  }

  @Override
  public boolean isCancelled() {
    return cancelled.get();
  }

  @Override
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  @Override
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** Called on the FX thread. */
  void show(double fraction, String text) {
    progress.set(fraction);
    message.set(text == null ? "" : text);
  }

  @Override
  public String toString() {
    return title;
  }
}
