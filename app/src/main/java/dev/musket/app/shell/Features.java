package dev.musket.app.shell;

/**
 * Where the feature views are wired into the window: one line per feature, each adding its panel
 * ({@link WorkbenchWindow#addToolPanel}) and registering its actions ({@link
 * WorkbenchWindow#actions()}), e.g.
 *
 * <pre>
 * window.addToolPanel("training", "Training", new TrainingView(new TrainingViewModel(
 *     window.state(), window.executor())));
 * </pre>
 *
 * <p>Kept apart from {@link WorkbenchApplication} so that tests can build a window with exactly the
 * features they exercise.
 */
public final class Features {

  private Features() {}

  /** Adds every feature to {@code window}; called once, before a project is opened. */
  public static void install(WorkbenchWindow window) {
    // features are added here as they are merged
  }
}
