package dev.musket.app.shell;

import dev.musket.app.action.Action;
import dev.musket.app.action.MenuGroup;
import dev.musket.app.data.AugmentationPreviewView;
import dev.musket.app.data.AugmentationPreviewViewModel;
import dev.musket.app.data.DatasetView;
import dev.musket.app.data.DatasetViewModel;
import dev.musket.app.experiments.ExperimentsView;
import dev.musket.app.experiments.ExperimentsViewModel;
import dev.musket.app.lrfinder.LrFinderView;
import dev.musket.app.lrfinder.LrFinderViewModel;
import dev.musket.app.problems.ProblemsView;
import dev.musket.app.problems.ProblemsViewModel;
import dev.musket.app.state.WorkbenchState;
import dev.musket.app.task.TaskExecutor;
import dev.musket.app.theme.Icons;
import dev.musket.app.training.TrainingFeature;

/**
 * Where the feature views are wired into the window: each adds its panel ({@link
 * WorkbenchWindow#addToolPanel}) and registers its actions ({@link WorkbenchWindow#actions()}).
 *
 * <p>Kept apart from {@link WorkbenchApplication} so that tests can build a window with exactly the
 * features they exercise.
 */
public final class Features {

  /** Panel ids, for {@link WorkbenchWindow#showToolPanel} and the View menu's {@code view.<id>}. */
  public static final String AUGMENTATIONS = "augmentations";

  public static final String DATASET = "dataset";
  public static final String TRAINING = "training";
  public static final String QUEUE = "queue";
  public static final String LR_FINDER = "lrfinder";
  public static final String EXPERIMENTS = "experiments";
  public static final String PROBLEMS = "problems";

  private Features() {}

  /** Adds every feature to {@code window}; called once, before a project is opened. */
  public static void install(WorkbenchWindow window) {
    WorkbenchState state = window.state();
    TaskExecutor executor = window.executor();

    window.addToolPanel(
        PROBLEMS, "Problems", new ProblemsView(new ProblemsViewModel(state)), ToolArea.BOTTOM);
    AugmentationPreviewView augmentations =
        new AugmentationPreviewView(new AugmentationPreviewViewModel(state, executor));
    window.addToolPanel(AUGMENTATIONS, "Augmentations", augmentations);
    DatasetViewModel dataset = new DatasetViewModel(state, executor);
    window.addToolPanel(DATASET, "Dataset", new DatasetView(dataset));
    installTraining(window);
    LrFinderViewModel lrFinder = new LrFinderViewModel(state, executor);
    window.addToolPanel(LR_FINDER, "LR finder", new LrFinderView(lrFinder));
    ExperimentsViewModel experiments = new ExperimentsViewModel(state, executor);
    ExperimentsView experimentsView = new ExperimentsView(experiments);
    window.addToolPanel(EXPERIMENTS, "Experiments", experimentsView, ToolArea.BOTTOM);

    register(
        window,
        Action.builder("data.reseed", "Reseed Augmentation Preview")
            .menu(MenuGroup.VIEW)
            .shortcut("Shortcut+Alt+R")
            .handler(
                () -> {
                  window.showToolPanel(AUGMENTATIONS);
                  augmentations.reseed();
                }));
    register(
        window,
        Action.builder("data.reload", "Reload Dataset")
            .menu(MenuGroup.VIEW)
            .handler(
                () -> {
                  window.showToolPanel(DATASET);
                  dataset.reload();
                }));
    register(
        window,
        Action.builder("run.lrFinder", "Find Learning Rate")
            .menu(MenuGroup.RUN)
            .shortcut("Shortcut+Shift+L")
            .enabled(lrFinder.canRunProperty())
            .handler(
                () -> {
                  window.showToolPanel(LR_FINDER);
                  lrFinder.run();
                }));
    register(
        window,
        Action.builder("run.lrFinderCancel", "Cancel LR Finder")
            .menu(MenuGroup.RUN)
            .enabled(lrFinder.runningProperty())
            .handler(lrFinder::cancel));
    register(
        window,
        Action.builder("run.applyLr", "Apply Suggested Learning Rate")
            .menu(MenuGroup.RUN)
            .enabled(lrFinder.canApplyProperty())
            .handler(lrFinder::applyToConfig));
    register(
        window,
        Action.builder("experiments.refresh", "Refresh Experiments")
            .menu(MenuGroup.VIEW)
            .handler(
                () -> {
                  window.showToolPanel(EXPERIMENTS);
                  experiments.refresh();
                }));
    register(
        window,
        Action.builder("experiments.filter", "Filter Experiments")
            .menu(MenuGroup.VIEW)
            .shortcut("Shortcut+Shift+F")
            .handler(
                () -> {
                  window.showToolPanel(EXPERIMENTS);
                  experimentsView.focusFilter();
                }));
  }

  /** Launch dialog, queue and live charts; a running fit is cancelled when the window closes. */
  private static void installTraining(WorkbenchWindow window) {
    TrainingFeature training = new TrainingFeature(window.state(), window.executor());
    window.addToolPanel(TRAINING, "Training", training.chartView());
    window.addToolPanel(QUEUE, "Queue", training.queueView(), ToolArea.BOTTOM);
    window.themeProperty().addListener((obs, old, theme) -> training.chartView().refreshTheme());
    window.onClose(training::close);
    register(
        window,
        Action.builder("run.fit", "Fit…")
            .menu(MenuGroup.RUN)
            .shortcut("Shortcut+R")
            .graphic(Icons.RUN)
            .toolbar()
            .enabled(training.canLaunchProperty())
            .handler(
                () -> {
                  training.openLaunchDialog(window.stage());
                  window.showToolPanel(TRAINING);
                }));
    register(
        window,
        Action.builder("run.cancel", "Cancel Training")
            .menu(MenuGroup.RUN)
            .graphic(Icons.STOP)
            .toolbar()
            .enabled(training.queue().canCancelProperty())
            .handler(() -> training.queue().cancelAll()));
  }

  private static void register(WorkbenchWindow window, Action.Builder action) {
    window.actions().register(action.build());
  }
}
