package dev.musket.app.dialog;

/** The answer to "save changes to X?" before a tab, a project or the window closes. */
public enum UnsavedDecision {
  SAVE,
  DISCARD,
  CANCEL
}
