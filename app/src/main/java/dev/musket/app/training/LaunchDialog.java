package dev.musket.app.training;

import dev.musket.engine.train.FitOptions;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Musket's launch options for one experiment (folds, allow resume, only report, workers, GPUs, time
 * limit). The fields bind to a {@link LaunchOptionsViewModel}; its problems show under the form and
 * keep "Launch" disabled. The result is the {@link FitOptions} to queue, or none.
 */
public final class LaunchDialog extends Dialog<FitOptions> {

  /** The confirming button, for tests and for the default-button behaviour. */
  public static final ButtonType LAUNCH = new ButtonType("Launch", ButtonBar.ButtonData.OK_DONE);

  public LaunchDialog(LaunchOptionsViewModel model) {
    setTitle("Launch " + model.experiment());
    setHeaderText("Train " + model.experiment());
    getDialogPane().getStyleClass().add("launch-dialog");
    getDialogPane().getButtonTypes().setAll(LAUNCH, ButtonType.CANCEL);

    CheckBox allFolds = new CheckBox("All folds");
    allFolds.selectedProperty().bindBidirectional(model.allFoldsProperty());
    TextField folds = field("launch-folds", "e.g. 0,2 or 1-3");
    folds.textProperty().bindBidirectional(model.foldsProperty());
    folds.disableProperty().bind(model.allFoldsProperty());
    if (model.foldCount() > 0) {
      folds.setTooltip(new Tooltip("This experiment has folds 0.." + (model.foldCount() - 1)));
    }
    CheckBox resume = new CheckBox("Allow resume (continue from the last completed epoch)");
    resume.getStyleClass().add("launch-allow-resume");
    resume.selectedProperty().bindBidirectional(model.allowResumeProperty());
    CheckBox report = new CheckBox("Only report (train nothing; rebuild summary.yaml)");
    report.getStyleClass().add("launch-only-report");
    report.selectedProperty().bindBidirectional(model.onlyReportProperty());
    TextField workers = field("launch-workers", "threads decoding and augmenting images");
    workers.textProperty().bindBidirectional(model.workersProperty());
    TextField gpus = field("launch-gpus", "num_gpus");
    gpus.textProperty().bindBidirectional(model.numGpusProperty());
    TextField perNet = field("launch-gpus-per-net", "gpus_per_net");
    perNet.textProperty().bindBidirectional(model.gpusPerNetProperty());
    gpus.setDisable(!model.gpuAvailable());
    perNet.setDisable(!model.gpuAvailable());
    Label gpuNote = new Label(model.gpuNote());
    gpuNote.getStyleClass().add("launch-note");
    gpuNote.setWrapText(true);
    TextField time = field("launch-time-limit", "none; 3600, 1h30m or 1:30:00");
    time.textProperty().bindBidirectional(model.timeLimitProperty());

    GridPane form = new GridPane();
    form.getStyleClass().add("launch-form");
    form.setHgap(10);
    form.setVgap(8);
    int row = 0;
    form.addRow(row++, new Label("Folds"), allFolds, folds);
    form.add(resume, 1, row++, 2, 1);
    form.add(report, 1, row++, 2, 1);
    form.addRow(row++, new Label("Workers"), workers);
    form.addRow(row++, new Label("GPUs"), gpus);
    form.addRow(row++, new Label("GPUs per network"), perNet);
    form.add(gpuNote, 1, row++, 2, 1);
    form.addRow(row++, new Label("Time limit"), time);

    Label problems = new Label();
    problems.getStyleClass().add("launch-problems");
    problems.setWrapText(true);
    problems
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> String.join("\n", model.problems()), model.problems()));
    VBox content = new VBox(12, form, problems);
    if (!model.notice().isEmpty()) {
      Label notice = new Label(model.notice());
      notice.getStyleClass().add("launch-notice");
      notice.setWrapText(true);
      content.getChildren().add(0, notice);
    }
    getDialogPane().setContent(content);

    Node launch = getDialogPane().lookupButton(LAUNCH);
    launch.disableProperty().bind(model.validProperty().not());
    setResultConverter(button -> button == LAUNCH ? model.toFitOptions() : null);
  }

  private static TextField field(String styleClass, String prompt) {
    TextField field = new TextField();
    field.getStyleClass().add(styleClass);
    field.setPromptText(prompt);
    return field;
  }
}
