package dev.musket.app.shell;

import dev.musket.app.action.Action;
import dev.musket.app.action.ActionRegistry;
import dev.musket.app.action.MenuGroup;
import dev.musket.app.theme.Icons;
import dev.musket.app.theme.Theme;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shell's own actions: File (open project, open recent, save, close tab, quit), Edit (the
 * editor's undo, redo, find, replace, go to line), View (dark theme, console), Help (about). The
 * experiment commands are {@code ExperimentActions}'.
 */
final class ShellActions {

  static final String OPEN_PROJECT = "file.openProject";
  static final String OPEN_RECENT = "file.openRecent";
  static final String SAVE = "file.save";
  static final String CLOSE_TAB = "file.closeTab";
  static final String QUIT = "file.quit";
  static final String DARK_THEME = "view.darkTheme";
  static final String CONSOLE = "view.console";
  static final String ABOUT = "help.about";

  private final ObservableList<Action> recent = FXCollections.observableArrayList();

  private ShellActions() {}

  /** Registers File's project and tab commands (before the experiment commands). */
  static ShellActions registerFile(ActionRegistry registry, WorkbenchWindow window) {
    ShellActions actions = new ShellActions();
    registry.register(
        Action.builder(OPEN_PROJECT, "Open Project…")
            .shortcut("Shortcut+O")
            .graphic(Icons.OPEN)
            .toolbar()
            .handler(window::chooseAndOpenProject)
            .build());
    registry.register(
        Action.builder(OPEN_RECENT, "Open Recent")
            .children(actions.recent)
            .enabled(Bindings.isNotEmpty(actions.recent))
            .build());
    return actions;
  }

  /** Registers the rest, after the experiment commands. */
  void registerRest(ActionRegistry registry, WorkbenchWindow window) {
    var editors = window.editors();
    registry.register(
        Action.builder(SAVE, "Save")
            .shortcut("Shortcut+S")
            .graphic(Icons.SAVE)
            .toolbar()
            .enabled(editors.hasTabProperty())
            .handler(editors::saveActive)
            .build());
    registry.register(
        Action.builder(CLOSE_TAB, "Close Tab")
            .shortcut("Shortcut+W")
            .enabled(editors.hasTabProperty())
            .handler(editors::closeActive)
            .build());
    registry.register(
        Action.builder(QUIT, "Quit").shortcut("Shortcut+Q").handler(window::quit).build());

    editCommand(registry, window, "edit.undo", "Undo", e -> e.undo());
    editCommand(registry, window, "edit.redo", "Redo", e -> e.redo());
    editCommand(registry, window, "edit.find", "Find…", e -> e.showFind(false));
    editCommand(registry, window, "edit.replace", "Replace…", e -> e.showFind(true));
    editCommand(registry, window, "edit.goToLine", "Go to Line…", e -> e.showGoToLine());

    BooleanProperty dark = new SimpleBooleanProperty(window.theme() == Theme.DARK);
    dark.addListener((obs, old, now) -> window.setTheme(now ? Theme.DARK : Theme.LIGHT));
    registry.register(
        Action.builder(DARK_THEME, "Dark Theme")
            .menu(MenuGroup.VIEW)
            .selected(dark)
            .graphic(Icons.THEME)
            .handler(() -> dark.set(!dark.get()))
            .build());
    registry.register(
        Action.builder(CONSOLE, "Console")
            .menu(MenuGroup.VIEW)
            .handler(() -> window.showToolPanel(WorkbenchWindow.CONSOLE_PANEL))
            .build());
    registry.register(
        Action.builder(ABOUT, "About Musket Workbench")
            .menu(MenuGroup.HELP)
            .handler(window::showAbout)
            .build());
  }

  /**
   * An Edit command on the selected config editor. No accelerator here: the editor handles its own
   * keys (Ctrl+Z, Ctrl+F, ...), and a menu accelerator on the same key would run it twice.
   */
  private static void editCommand(
      ActionRegistry registry,
      WorkbenchWindow window,
      String id,
      String text,
      java.util.function.Consumer<dev.musket.editor.YamlEditor> command) {
    var active = window.editors().activeProperty();
    registry.register(
        Action.builder(id, text)
            .menu(MenuGroup.EDIT)
            .enabled(
                Bindings.createBooleanBinding(
                    () -> active.get() instanceof dev.musket.app.editors.ConfigEditorTab, active))
            .handler(
                () -> {
                  if (active.get() instanceof dev.musket.app.editors.ConfigEditorTab tab) {
                    command.accept(tab.editor());
                  }
                })
            .build());
  }

  /** Rebuilds Open Recent's entries from the settings' list. */
  void showRecent(List<Path> projects, java.util.function.Consumer<Path> open) {
    List<Action> entries = new java.util.ArrayList<>();
    for (int i = 0; i < projects.size(); i++) {
      Path p = projects.get(i);
      entries.add(
          Action.builder("file.recent." + i, p.toString()).handler(() -> open.accept(p)).build());
    }
    recent.setAll(entries);
  }
}
