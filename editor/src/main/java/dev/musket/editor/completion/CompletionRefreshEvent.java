package dev.musket.editor.completion;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A JFR event around showing (or hiding) a completion list on the FX thread, once it was computed;
 * costs nothing unless a recording enables it (docs/benchmarks.md, "Where the pauses came from").
 */
@Name("dev.musket.editor.CompletionRefresh")
@Label("Completion refreshed")
@Category({"Musket", "Editor"})
@Description("A completion list shown or hidden on the FX thread")
final class CompletionRefreshEvent extends jdk.jfr.Event {

  @Label("Items")
  int items;

  @Label("Popup shown")
  boolean shown;
}
