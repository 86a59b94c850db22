package dev.musket.app.explorer;

import dev.musket.app.action.Action;
import dev.musket.app.action.ActionRegistry;
import dev.musket.app.action.MenuGroup;
import dev.musket.app.dialog.Dialogs;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.theme.Icons;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

/**
 * The File menu's experiment commands: New, Duplicate, Rename, Delete. They ask for names and
 * confirmation through {@link Dialogs} and act through the explorer's view-model.
 */
public final class ExperimentActions {

  public static final String NEW = "file.newExperiment";
  public static final String DUPLICATE = "file.duplicateExperiment";
  public static final String RENAME = "file.renameExperiment";
  public static final String DELETE = "file.deleteExperiment";

  private ExperimentActions() {}

  /**
   * Registers the four actions; returns them in menu order (for the explorer's context menu).
   *
   * @param releaseFilesUnder closes the editor tabs on an experiment's files before it is renamed
   *     or deleted (false when the user cancels at the unsaved-changes prompt)
   */
  public static List<Action> register(
      ActionRegistry registry,
      WorkbenchState state,
      ProjectExplorerViewModel model,
      Dialogs dialogs,
      Predicate<Path> releaseFilesUnder) {
    BooleanBinding projectOpen = Bindings.isNotNull(state.projectProperty());
    BooleanBinding experimentSelected = Bindings.isNotNull(model.selectedProperty());
    Action create =
        registry.register(
            Action.builder(NEW, "New Experiment…")
                .menu(MenuGroup.FILE)
                .shortcut("Shortcut+N")
                .graphic(Icons.NEW)
                .toolbar()
                .enabled(projectOpen)
                .handler(
                    () ->
                        dialogs
                            .askName(
                                "New experiment",
                                "Name of the new experiment (its folder under experiments/):",
                                "",
                                model::problemWithName)
                            .ifPresent(model::newExperiment))
                .build());
    Action duplicate =
        registry.register(
            Action.builder(DUPLICATE, "Duplicate Experiment…")
                .enabled(experimentSelected)
                .handler(
                    () -> {
                      ExperimentInfo source = model.selectedProperty().get();
                      dialogs
                          .askName(
                              "Duplicate experiment",
                              "Copy the config of " + source.name() + " into a new experiment:",
                              source.name() + "_copy",
                              model::problemWithName)
                          .ifPresent(name -> model.duplicate(source, name));
                    })
                .build());
    Action rename =
        registry.register(
            Action.builder(RENAME, "Rename Experiment…")
                .enabled(experimentSelected)
                .handler(
                    () -> {
                      ExperimentInfo source = model.selectedProperty().get();
                      dialogs
                          .askName(
                              "Rename experiment",
                              "New name of " + source.name() + " (its results move with it):",
                              source.name(),
                              model::problemWithName)
                          .filter(name -> releaseFilesUnder.test(source.dir()))
                          .ifPresent(name -> model.rename(source, name));
                    })
                .build());
    Action delete =
        registry.register(
            Action.builder(DELETE, "Delete Experiment…")
                .enabled(experimentSelected)
                .handler(
                    () -> {
                      ExperimentInfo source = model.selectedProperty().get();
                      if (dialogs.confirm(
                              "Delete " + source.name() + "?",
                              "The folder experiments/"
                                  + source.name()
                                  + " with its config and results moves to the project's"
                                  + " .musket/trash/ folder.",
                              "Delete")
                          && releaseFilesUnder.test(source.dir())) {
                        model.delete(source);
                      }
                    })
                .build());
    return List.of(create, duplicate, rename, delete);
  }
}
