package dev.musket.app.dialog;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The questions the workbench asks the user. An interface so that the logic that asks (closing
 * tabs, deleting experiments) can be tested with scripted answers; {@link FxDialogs} shows real
 * dialogs.
 */
public interface Dialogs {

  /** A folder to open as a project, or empty when cancelled. */
  Optional<Path> chooseProjectFolder(Path initial);

  /**
   * A name typed by the user, or empty when cancelled. {@code problem} returns why a name cannot be
   * used (shown under the field, OK disabled) or empty when it is fine.
   */
  Optional<String> askName(
      String title, String question, String initial, Function<String, Optional<String>> problem);

  /** True when the user confirms {@code action} (the button's text, e.g. "Delete"). */
  boolean confirm(String title, String message, String action);

  /** Save, don't save, or cancel, for the unsaved document {@code name}. */
  UnsavedDecision askUnsaved(String name);

  /** Shows an error that needs the user's attention (beyond the console line). */
  void error(String title, String message);

  /** Shows an informational message. */
  void inform(String title, String message);
}
