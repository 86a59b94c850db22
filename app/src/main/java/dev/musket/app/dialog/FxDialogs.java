package dev.musket.app.dialog;

import dev.musket.app.theme.Stylesheets;
import dev.musket.app.theme.Theme;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** {@link Dialogs} as JavaFX dialogs, owned by the main window and styled with its theme. */
public final class FxDialogs implements Dialogs {

  /** The buttons of the unsaved-changes prompt; tests click them by these texts. */
  public static final String SAVE = "Save";

  public static final String DISCARD = "Don't Save";
  public static final String CANCEL = "Cancel";

  private final Supplier<Window> owner;
  private final Supplier<Theme> theme;

  public FxDialogs(Supplier<Window> owner, Supplier<Theme> theme) {
    this.owner = owner;
    this.theme = theme;
  }

  @Override
  public Optional<Path> chooseProjectFolder(Path initial) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Open a Musket project folder");
    if (initial != null && Files.isDirectory(initial)) {
      chooser.setInitialDirectory(initial.toFile());
    }
    File chosen = chooser.showDialog(owner.get());
    return Optional.ofNullable(chosen).map(File::toPath);
  }

  @Override
  public Optional<String> askName(
      String title, String question, String initial, Function<String, Optional<String>> problem) {
    Dialog<String> dialog = new Dialog<>();
    dialog.setTitle(title);
    dialog.setHeaderText(question);
    TextField field = new TextField(initial);
    field.setId("name-field");
    field.setPrefColumnCount(32);
    Label message = new Label();
    message.getStyleClass().add("dialog-error-text");
    message.setWrapText(true);
    VBox content = new VBox(8, field, message);
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
    Runnable check =
        () -> {
          Optional<String> p = problem.apply(field.getText());
          message.setText(p.orElse(""));
          ok.setDisable(p.isPresent());
        };
    field.textProperty().addListener((obs, old, now) -> check.run());
    check.run();
    dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().strip() : null);
    dialog.setOnShown(e -> field.requestFocus());
    style(dialog);
    return dialog.showAndWait();
  }

  @Override
  public boolean confirm(String title, String message, String action) {
    ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
    alert.setTitle(title);
    alert.setHeaderText(title);
    // a destructive action is never the default: Enter must not delete
    ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
    ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL))
        .setDefaultButton(true);
    style(alert);
    return alert.showAndWait().orElse(ButtonType.CANCEL) == yes;
  }

  @Override
  public UnsavedDecision askUnsaved(String name) {
    ButtonType save = new ButtonType(SAVE, ButtonBar.ButtonData.YES);
    ButtonType discard = new ButtonType(DISCARD, ButtonBar.ButtonData.NO);
    ButtonType cancel = new ButtonType(CANCEL, ButtonBar.ButtonData.CANCEL_CLOSE);
    Alert alert =
        new Alert(
            Alert.AlertType.WARNING,
            "Your changes to " + name + " will be lost if you don't save them.",
            save,
            discard,
            cancel);
    alert.setTitle("Unsaved changes");
    alert.setHeaderText("Save the changes to " + name + "?");
    style(alert);
    ButtonType answer = alert.showAndWait().orElse(cancel);
    if (answer == save) {
      return UnsavedDecision.SAVE;
    }
    return answer == discard ? UnsavedDecision.DISCARD : UnsavedDecision.CANCEL;
  }

  @Override
  public void error(String title, String message) {
    show(Alert.AlertType.ERROR, title, message);
  }

  @Override
  public void inform(String title, String message) {
    show(Alert.AlertType.INFORMATION, title, message);
  }

  private void show(Alert.AlertType type, String title, String message) {
    Alert alert = new Alert(type, message, ButtonType.OK);
    alert.setTitle(title);
    alert.setHeaderText(title);
    style(alert);
    alert.showAndWait();
  }

  private void style(Dialog<?> dialog) {
    Window w = owner.get();
    if (w != null) {
      dialog.initOwner(w);
    }
    DialogPane pane = dialog.getDialogPane();
    pane.getStylesheets().addAll(Stylesheets.urls());
    pane.getStyleClass().add(theme.get().styleClass());
    pane.setMinWidth(420);
  }
}
