package dev.musket.editor.diagnostics;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A JFR event around the gutter's reaction to new problems on the FX thread; costs nothing unless a
 * recording enables it (docs/benchmarks.md, "Where the pauses came from").
 */
@Name("dev.musket.editor.GutterUpdate")
@Label("Gutter updated")
@Category({"Musket", "Editor"})
@Description("The gutter's markers recomputed after an analysis")
final class GutterUpdateEvent extends jdk.jfr.Event {

  @Label("Lines with problems")
  int lines;

  @Label("Markers rebuilt")
  boolean rebuilt;
}
