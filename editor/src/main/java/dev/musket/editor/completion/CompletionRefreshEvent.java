package dev.musket.editor.completion;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A JFR event around one recomputation of the completion list on the FX thread; costs nothing
 * unless a recording enables it (docs/benchmarks.md, "FX-thread pauses while typing").
 */
@Name("dev.musket.editor.CompletionRefresh")
@Label("Completion refreshed")
@Category({"Musket", "Editor"})
@Description("The completion list recomputed at the caret on the FX thread")
final class CompletionRefreshEvent extends jdk.jfr.Event {

  @Label("Items")
  int items;

  @Label("Popup shown")
  boolean shown;
}
