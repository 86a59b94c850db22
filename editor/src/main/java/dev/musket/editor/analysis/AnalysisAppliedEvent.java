package dev.musket.editor.analysis;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A JFR event around applying one analysis on the FX thread (restyling, problem list, gutter), so a
 * recording shows how long the editor's own work held the FX thread. Costs nothing unless a
 * recording enables it (docs/benchmarks.md, "Where the pauses came from").
 */
@Name("dev.musket.editor.AnalysisApplied")
@Label("Analysis applied")
@Category({"Musket", "Editor"})
@Description("An analysis result applied to the editor on the FX thread")
final class AnalysisAppliedEvent extends jdk.jfr.Event {

  @Label("Characters restyled")
  int restyled;

  @Label("Characters in the text")
  int length;

  @Label("Problems")
  int problems;
}
