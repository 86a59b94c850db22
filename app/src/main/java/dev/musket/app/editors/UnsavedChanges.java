package dev.musket.app.editors;

import dev.musket.app.dialog.UnsavedDecision;
import java.io.IOException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What happens to unsaved documents before they close (a tab, a project, the window), as logic
 * apart from any dialog: each dirty document is asked about in turn; SAVE saves it, DISCARD leaves
 * it, CANCEL stops and keeps everything open. A save that fails also stops: closing would lose the
 * text the user meant to keep.
 */
public final class UnsavedChanges {

  /** Something with unsaved changes. */
  public interface Document {
    String name();

    boolean isDirty();

    void save() throws IOException;
  }

  private UnsavedChanges() {}

  /**
   * Resolves every dirty document; returns true when closing may go on.
   *
   * @param ask the question to the user for one document
   * @param saveFailed told which document failed to save and why
   */
  public static boolean resolve(
      List<? extends Document> documents,
      Function<Document, UnsavedDecision> ask,
      BiConsumer<Document, IOException> saveFailed) {
    for (Document d : documents) {
      if (!d.isDirty()) {
        continue;
      }
      UnsavedDecision decision = ask.apply(d);
      if (decision == UnsavedDecision.CANCEL) {
        return false;
      }
      if (decision == UnsavedDecision.SAVE) {
        try {
          d.save();
        } catch (IOException e) {
          saveFailed.accept(d, e);
          return false;
        }
      }
    }
    return true;
  }
}
