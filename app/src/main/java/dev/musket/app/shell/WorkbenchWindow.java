package dev.musket.app.shell;

import dev.musket.app.action.ActionControls;
import dev.musket.app.action.ActionRegistry;
import dev.musket.app.dialog.Dialogs;
import dev.musket.app.dialog.FxDialogs;
import dev.musket.app.editors.EditorArea;
import dev.musket.app.explorer.ExperimentActions;
import dev.musket.app.explorer.ProjectExplorerView;
import dev.musket.app.explorer.ProjectExplorerViewModel;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.TaskExecutor;
import dev.musket.app.theme.Icons;
import dev.musket.app.theme.Stylesheets;
import dev.musket.app.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window: menu bar and toolbar from the {@link ActionRegistry}, the project explorer on
 * the left, editor tabs in the centre, tool panels on the right and at the bottom (the console is
 * the first bottom panel), the status bar.
 *
 * <p>Features plug in with two calls, e.g.:
 *
 * <pre>
 * window.addToolPanel("training", "Training", new TrainingView(model));
 * window.actions().register(Action.builder("run.fit", "Fit…").menu(MenuGroup.RUN)
 *     .shortcut("Shortcut+R").handler(...).build());
 * </pre>
 */
public final class WorkbenchWindow {

  public static final String CONSOLE_PANEL = "console";
  private static final String SOURCE = "workbench";

  private final Stage stage;
  private final TaskExecutor executor;
  private final WorkbenchSettings settings;
  private final Dialogs dialogs;
  private final WorkbenchState state = new WorkbenchState();
  private final ActionRegistry actions = new ActionRegistry();
  private final Stylesheets stylesheets = new Stylesheets();
  private final EditorArea editors;
  private final ProjectExplorerViewModel explorer;
  private final ToolPanels panels;
  private final ShellActions shellActions;
  private final java.util.List<Runnable> closeHooks = new java.util.ArrayList<>();

  /**
   * A window on {@code stage} with real dialogs; call {@link #show()} then {@link #openProject}.
   *
   * @param backendProbe says which device computes ("CPU", "GPU: ..."), run once in the background;
   *     the application passes the engine's, tests a constant
   */
  public WorkbenchWindow(
      Stage stage,
      TaskExecutor executor,
      WorkbenchSettings settings,
      Supplier<String> backendProbe) {
    this(stage, executor, settings, backendProbe, null);
  }

  /** As above with the given dialogs (null: real ones owned by this window). */
  public WorkbenchWindow(
      Stage stage,
      TaskExecutor executor,
      WorkbenchSettings settings,
      Supplier<String> backendProbe,
      Dialogs dialogs) {
    this.stage = stage;
    this.executor = executor;
    this.settings = settings;
    this.dialogs = dialogs != null ? dialogs : new FxDialogs(() -> stage, this::theme);
    stylesheets.themeProperty().set(settings.theme());
    editors = new EditorArea(state, executor, this.dialogs);
    explorer = new ProjectExplorerViewModel(state, executor);
    panels = new ToolPanels(actions);

    shellActions = ShellActions.registerFile(actions, this);
    var experimentActions =
        ExperimentActions.register(actions, state, explorer, this.dialogs, editors::closeTabsUnder);
    shellActions.registerRest(actions, this);
    shellActions.showRecent(settings.recentProjects(), this::openProject);

    panels.add(
        CONSOLE_PANEL, "Console", new ConsoleView(new ConsoleViewModel(state)), ToolArea.BOTTOM);
    ProjectExplorerView explorerView = new ProjectExplorerView(explorer, state, experimentActions);

    BorderPane root = new BorderPane();
    root.getStyleClass().add("workbench");
    root.setTop(new VBox(ActionControls.menuBar(actions), ActionControls.toolBar(actions)));
    SplitPane centre = new SplitPane(editors.view(), panels.bottom());
    centre.setOrientation(javafx.geometry.Orientation.VERTICAL);
    centre.setDividerPositions(0.75);
    SplitPane main = new SplitPane(explorerView, centre);
    main.setDividerPositions(0.2);
    SplitPane.setResizableWithParent(explorerView, false);
    panels.attachRight(main);
    root.setCenter(main);
    StatusBarViewModel status = new StatusBarViewModel(executor, backendProbe);
    root.setBottom(new StatusBarView(status));

    Scene scene = new Scene(root, 1280, 800);
    stylesheets.install(scene);
    stage.setScene(scene);
    stage.getIcons().setAll(Icons.applicationIcons());
    stage
        .titleProperty()
        .bind(
            state
                .projectProperty()
                .map(WorkbenchApplication::titleFor)
                .orElse(WorkbenchApplication.titleFor(null)));
    // the timers stop with the window, so a closed window never reaches for a closed executor
    stage.setOnHidden(
        e -> {
          closeHooks.forEach(Runnable::run);
          explorer.dispose();
          status.dispose();
        });
    stage.setOnCloseRequest(
        e -> {
          if (!mayClose()) {
            e.consume();
          }
        });
  }

  public void show() {
    stage.show();
  }

  /** The shared state features bind to. */
  public WorkbenchState state() {
    return state;
  }

  /** The one registry of menu, toolbar and shortcut actions; features register theirs here. */
  public ActionRegistry actions() {
    return actions;
  }

  public TaskExecutor executor() {
    return executor;
  }

  public Stage stage() {
    return stage;
  }

  public EditorArea editors() {
    return editors;
  }

  public Dialogs dialogs() {
    return dialogs;
  }

  /**
   * Adds a feature's panel to the right-hand tool area, with a View menu action {@code view.<id>}
   * that shows it (unless an action with that id exists already).
   */
  public void addToolPanel(String id, String title, Node view) {
    addToolPanel(id, title, view, ToolArea.RIGHT);
  }

  /** Adds a feature's panel to the given area (see {@link #addToolPanel(String, String, Node)}). */
  public void addToolPanel(String id, String title, Node view, ToolArea area) {
    panels.add(id, title, view, area);
  }

  /** Brings the panel {@code id} to the front of its area. */
  public void showToolPanel(String id) {
    panels.show(id);
  }

  /** Runs {@code hook} when the window closes, before its timers stop (features stop work here). */
  public void onClose(Runnable hook) {
    closeHooks.add(hook);
  }

  /** The theme in use; features whose drawing does not follow CSS (charts) listen to it. */
  public javafx.beans.value.ObservableValue<Theme> themeProperty() {
    return stylesheets.themeProperty();
  }

  public Theme theme() {
    return stylesheets.themeProperty().get();
  }

  public void setTheme(Theme theme) {
    stylesheets.themeProperty().set(theme);
    settings.setTheme(theme);
    saveSettings();
  }

  /** Asks for a folder and opens it. */
  void chooseAndOpenProject() {
    Path initial = state.project() != null ? state.project().getParent() : null;
    dialogs.chooseProjectFolder(initial).ifPresent(this::openProject);
  }

  /**
   * Opens {@code folder} as the project, replacing the current one after asking about unsaved tabs;
   * returns whether it was opened. A folder that does not exist is reported and dropped from the
   * recent list.
   */
  public boolean openProject(Path folder) {
    Path project = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(project)) {
      String message =
          project
              + " is not a folder (moved or deleted?). Choose File > Open Project… to pick one.";
      state.error(SOURCE, message);
      dialogs.error("Cannot open the project", message);
      settings.removeRecent(project);
      afterRecentChanged();
      return false;
    }
    if (project.equals(state.project())) {
      return true;
    }
    if (!editors.closeAll()) {
      return false;
    }
    explorer.select(null);
    state.projectProperty().set(project);
    state.info(SOURCE, "Opened project " + project);
    if (!Files.isDirectory(project.resolve("experiments"))) {
      state.log(
          dev.musket.app.state.LogLine.Level.WARN,
          SOURCE,
          project + " has no experiments/ folder; New Experiment… creates one.");
    }
    settings.addRecent(project);
    afterRecentChanged();
    return true;
  }

  private void afterRecentChanged() {
    shellActions.showRecent(settings.recentProjects(), this::openProject);
    saveSettings();
  }

  private void saveSettings() {
    executor.submit(
        "Saving settings",
        ctx -> {
          settings.save();
          return null;
        },
        ok -> {},
        failure ->
            state.error(
                SOURCE,
                "Cannot save settings to " + settings.file() + ": " + failure.getMessage()));
  }

  /** Closes the window after the unsaved-changes prompt. */
  void quit() {
    if (mayClose()) {
      stage.close();
    }
  }

  private boolean mayClose() {
    return editors.closeAll();
  }

  void showAbout() {
    dialogs.inform(
        "Musket Workbench",
        "Declarative image-classification experiments in Musket's format, with an embedded"
            + " Deeplearning4j engine.\n\nJava "
            + System.getProperty("java.version")
            + ", JavaFX "
            + System.getProperty("javafx.version", "?")
            + "\nSettings: "
            + settings.file());
  }
}
