package dev.musket.app.training;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The training queue: each run with its status, where it is (fold, stage, epoch, batch) and a
 * progress bar, or how it ended; a cancel button per unfinished run, "Cancel all" and "Clear
 * finished".
 */
public final class TrainingQueueView extends BorderPane {

  public TrainingQueueView(TrainingQueueViewModel model) {
    getStyleClass().add("training-queue");
    ListView<TrainingRun> list = new ListView<>(model.runs());
    list.getStyleClass().add("training-queue-list");
    list.setCellFactory(v -> new RunCell(model));
    list.setPlaceholder(new Label("Nothing queued. Launch an experiment with F5."));
    Button cancelAll = new Button("Cancel all");
    cancelAll.getStyleClass().add("training-cancel-all");
    cancelAll.disableProperty().bind(model.canCancelProperty().not());
    cancelAll.setOnAction(e -> model.cancelAll());
    Button clear = new Button("Clear finished");
    clear.setOnAction(e -> model.clearFinished());
    setTop(new ToolBar(cancelAll, clear));
    setCenter(list);
  }

  /** One run: name and status, progress or message, and its cancel button. */
  private static final class RunCell extends ListCell<TrainingRun> {
    private final TrainingQueueViewModel model;
    private final Label name = new Label();
    private final Label status = new Label();
    private final Label detail = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final HBox top = new HBox(8, name, status, cancel);
    private final VBox box = new VBox(4, top, bar, detail);
    private final javafx.beans.value.ChangeListener<RunStatus> statusClass =
        (o, was, now) -> {
          pseudoClassStateChanged(pseudo(was), false);
          pseudoClassStateChanged(pseudo(now), true);
        };
    private TrainingRun shown;

    RunCell(TrainingQueueViewModel model) {
      this.model = model;
      name.getStyleClass().add("training-run-name");
      status.getStyleClass().add("training-run-status");
      detail.getStyleClass().add("training-run-detail");
      cancel.getStyleClass().add("training-run-cancel");
      HBox.setHgrow(status, Priority.ALWAYS);
      status.setMaxWidth(Double.MAX_VALUE);
      bar.setMaxWidth(Double.MAX_VALUE);
    }

    @Override
    protected void updateItem(TrainingRun run, boolean empty) {
      super.updateItem(run, empty);
      if (shown != null) {
        shown.statusProperty().removeListener(statusClass);
        shown = null;
      }
      for (RunStatus s : RunStatus.values()) {
        pseudoClassStateChanged(pseudo(s), !empty && run != null && run.status() == s);
      }
      status.textProperty().unbind();
      detail.textProperty().unbind();
      bar.progressProperty().unbind();
      bar.visibleProperty().unbind();
      cancel.visibleProperty().unbind();
      if (empty || run == null) {
        setGraphic(null);
        return;
      }
      name.setText(run.name());
      status.textProperty().bind(run.statusProperty().asString().map(t -> run.status().label()));
      detail
          .textProperty()
          .bind(
              Bindings.when(run.statusProperty().isEqualTo(RunStatus.RUNNING))
                  .then(run.progressProperty())
                  .otherwise(run.messageProperty()));
      bar.progressProperty().bind(run.fractionProperty());
      bar.visibleProperty().bind(run.statusProperty().isEqualTo(RunStatus.RUNNING));
      bar.managedProperty().bind(bar.visibleProperty());
      cancel
          .visibleProperty()
          .bind(
              run.statusProperty()
                  .isEqualTo(RunStatus.RUNNING)
                  .or(run.statusProperty().isEqualTo(RunStatus.QUEUED)));
      cancel.setOnAction(e -> model.cancel(run));
      shown = run;
      run.statusProperty().addListener(statusClass);
      setGraphic(box);
    }

    private static PseudoClass pseudo(RunStatus s) {
      return PseudoClass.getPseudoClass(
          s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
  }
}
