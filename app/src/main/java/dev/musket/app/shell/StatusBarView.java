package dev.musket.app.shell;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The status bar: current task and its progress, heap memory, compute backend. */
public final class StatusBarView extends HBox {

  public StatusBarView(StatusBarViewModel model) {
    getStyleClass().add("status-bar");
    Label task = new Label();
    task.getStyleClass().add("status-task");
    task.textProperty().bind(model.taskProperty());
    ProgressBar progress = new ProgressBar();
    progress.progressProperty().bind(model.progressProperty());
    progress.visibleProperty().bind(model.busyProperty());
    progress.managedProperty().bind(model.busyProperty());
    Region spring = new Region();
    HBox.setHgrow(spring, Priority.ALWAYS);
    Label memory = new Label();
    memory.getStyleClass().add("status-memory");
    memory.textProperty().bind(model.memoryProperty().map(m -> "Heap " + m));
    Label backend = new Label();
    backend.getStyleClass().add("status-backend");
    backend.textProperty().bind(model.backendProperty());
    getChildren().addAll(task, progress, spring, memory, backend);
  }
}
