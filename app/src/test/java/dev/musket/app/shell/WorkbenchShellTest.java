package dev.musket.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.musket.app.action.Action;
import dev.musket.app.action.MenuGroup;
import dev.musket.app.dialog.FxDialogs;
import dev.musket.app.editors.ConfigEditorTab;
import dev.musket.app.task.FxTaskExecutor;
import dev.musket.app.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The shell in a real window: menus from the registry, projects, tabs, prompts, theme. */
class WorkbenchShellTest {

  @TempDir Path dir;
  private Path project;
  private WorkbenchSettings settings;
  private WorkbenchWindow window;
  private FxTaskExecutor executor;
  private final FxRobot robot = new FxRobot();

  @BeforeEach
  void open() throws Exception {
    project = Files.createDirectories(dir.resolve("flowers"));
    Path config = project.resolve("experiments/baseline/config.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "classes: 2\n");
    settings = WorkbenchSettings.load(dir.resolve("settings/workbench.properties"));
    executor = new FxTaskExecutor();
    FxToolkit.registerPrimaryStage();
    FxToolkit.setupFixture(
        () -> {
          window = new WorkbenchWindow(new Stage(), executor, settings, () -> "CPU");
          window.show();
        });
  }

  @AfterEach
  void close() throws Exception {
    FxToolkit.setupFixture(() -> window.stage().close());
    executor.close();
  }

  private void fx(Runnable action) throws Exception {
    WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
  }

  private void openProject() throws Exception {
    fx(() -> window.openProject(project));
    TreeView<?> tree = robot.lookup(".project-explorer").queryAs(TreeView.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot() != null);
  }

  @Test
  void theMenusAreBuiltFromTheRegistryAndFollowLaterRegistrations() throws Exception {
    MenuBar bar = robot.lookup(".workbench-menu-bar").queryAs(MenuBar.class);
    assertThat(bar.getMenus())
        .extracting(m -> m.getText())
        .containsExactly("File", "Edit", "View", "Run", "Help");
    assertThat(bar.getMenus().get(0).getItems())
        .extracting(MenuItem::getText)
        .startsWith(
            "Open Project…",
            "Open Recent",
            "New Experiment…",
            "Duplicate Experiment…",
            "Rename Experiment…",
            "Delete Experiment…",
            "Save",
            "Close Tab",
            "Quit");

    fx(
        () ->
            window
                .actions()
                .register(
                    Action.builder("run.fit", "Fit…")
                        .menu(MenuGroup.RUN)
                        .shortcut("Shortcut+R")
                        .build()));

    MenuItem fit = bar.getMenus().get(3).getItems().get(0);
    assertThat(fit.getText()).isEqualTo("Fit…");
    assertThat(fit.getAccelerator().getDisplayText()).isNotEmpty();
  }

  @Test
  void openingAProjectTitlesTheWindowListsItAndRemembersIt() throws Exception {
    openProject();

    assertThat(window.stage().getTitle()).isEqualTo("Musket Workbench \u2014 flowers");
    TreeView<?> tree = robot.lookup(".project-explorer").queryAs(TreeView.class);
    assertThat(tree.getRoot().getChildren())
        .extracting(i -> i.getValue().toString())
        .containsExactly("baseline");
    // a selection made elsewhere (the experiments table) shows in the explorer
    fx(
        () ->
            window
                .state()
                .selectedExperimentProperty()
                .set(project.resolve("experiments/baseline")));
    assertThat(tree.getSelectionModel().getSelectedItem().getValue().toString())
        .isEqualTo("baseline");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(settings.file()));
    assertThat(WorkbenchSettings.load(settings.file()).recentProjects()).containsExactly(project);
    MenuBar bar = robot.lookup(".workbench-menu-bar").queryAs(MenuBar.class);
    javafx.scene.control.Menu recent =
        (javafx.scene.control.Menu) bar.getMenus().get(0).getItems().get(1);
    assertThat(recent.getItems()).extracting(MenuItem::getText).containsExactly(project.toString());
  }

  @Test
  void closingTheWindowWithUnsavedChangesAsksFirst() throws Exception {
    openProject();
    fx(() -> window.state().open(project.resolve("experiments/baseline/config.yaml")));
    TabPane tabs = robot.lookup(".editor-tabs").queryAs(TabPane.class);
    ConfigEditorTab tab = (ConfigEditorTab) tabs.getTabs().get(0);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !tab.currentText().isEmpty());
    fx(() -> tab.replace(0, 0, "# edited\n"));
    assertThat(tab.isDirty()).isTrue();

    Stage stage = window.stage();
    WaitForAsyncUtils.asyncFx(
        () ->
            stage.fireEvent(
                new javafx.stage.WindowEvent(
                    stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(FxDialogs.CANCEL);

    assertThat(stage.isShowing()).isTrue();
    assertThat(tabs.getTabs()).containsExactly(tab);
  }

  @Test
  void aFolderThatIsGoneIsReportedAndTheProjectStays() throws Exception {
    openProject();
    WaitForAsyncUtils.asyncFx(() -> window.openProject(dir.resolve("gone")));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText())
        .contains("gone is not a folder");
    robot.clickOn("OK");
    assertThat(window.state().project()).isEqualTo(project);
  }

  @Test
  void aDirtyTabAsksBeforeClosingAndCancelKeepsIt() throws Exception {
    openProject();
    Path file = project.resolve("experiments/baseline/config.yaml");
    fx(() -> window.state().open(file));
    TabPane tabs = robot.lookup(".editor-tabs").queryAs(TabPane.class);
    ConfigEditorTab tab = (ConfigEditorTab) tabs.getTabs().get(0);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tab.currentText().equals("classes: 2\n"));
    assertThat(window.state().activeConfigProperty().get()).isSameAs(tab);

    robot.clickOn(tab.editor().codeArea()).type(KeyCode.END).write("batch: 4");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(tab.getText()).isEqualTo("*baseline");

    robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(FxDialogs.CANCEL);
    assertThat(tabs.getTabs()).containsExactly(tab);

    robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(FxDialogs.DISCARD);
    assertThat(tabs.getTabs()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo("classes: 2\n");

    fx(() -> window.state().open(file));
    ConfigEditorTab again = (ConfigEditorTab) tabs.getTabs().get(0);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !again.currentText().isEmpty());
    robot.clickOn(again.editor().codeArea()).type(KeyCode.END).write("batch: 8");
    robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(FxDialogs.SAVE);
    assertThat(tabs.getTabs()).isEmpty();
    assertThat(Files.readString(file)).contains("batch: 8");
  }

  @Test
  void theThemeTogglesFromTheViewMenuAndIsRemembered() throws Exception {
    var root = window.stage().getScene().getRoot();
    assertThat(root.getStyleClass()).contains("light").doesNotContain("dark");

    // the View menu's check item, chosen with the keyboard (Xvfb's robot clicks do not reach
    // menu popups reliably)
    robot.clickOn("View").type(KeyCode.DOWN).type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(root.getStyleClass()).contains("dark").doesNotContain("light");
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            Files.exists(settings.file())
                && WorkbenchSettings.load(settings.file()).theme() == Theme.DARK);
  }

  @Test
  void featurePanelsGoToTheRightHandAreaWithAViewAction() throws Exception {
    Label view = new Label("training charts");
    fx(() -> window.addToolPanel("training", "Training", view));

    assertThat(window.actions().find("view.training")).isPresent();
    fx(() -> window.showToolPanel("training"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(view.getScene()).isSameAs(window.stage().getScene());
    assertThat(robot.lookup(".tool-area-right").queryAs(TabPane.class).getTabs())
        .extracting(t -> t.getText())
        .containsExactly("Training");
  }

  @Test
  void newExperimentChecksTheNameOpensItAndDeleteMovesItToTheTrash() throws Exception {
    openProject();

    robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.write("baseline");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".dialog-error-text").queryAs(Label.class).getText())
        .isEqualTo("experiments/baseline already exists.");
    assertThat(robot.lookup("OK").queryButton().isDisabled()).isTrue();
    robot.write("_v2").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();

    TabPane tabs = robot.lookup(".editor-tabs").queryAs(TabPane.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tabs.getTabs().size() == 1);
    assertThat(tabs.getTabs().get(0).getText()).isEqualTo("baseline_v2");
    TreeView<?> tree = robot.lookup(".project-explorer").queryAs(TreeView.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot().getChildren().size() == 2);

    robot.clickOn("baseline_v2");
    WaitForAsyncUtils.asyncFx(() -> window.actions().execute("file.deleteExperiment"));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn("Delete");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> tree.getRoot().getChildren().size() == 1);
    assertThat(tabs.getTabs()).isEmpty(); // its tab closed before the folder moved
    assertThat(project.resolve("experiments/baseline_v2")).doesNotExist();
    try (var trash = Files.list(project.resolve(".musket/trash"))) {
      assertThat(trash).hasSize(1);
    }
  }
}
