package dev.musket.editor.diagnostics;

import java.util.List;

/**
 * Checks the editor's text and reports problems; the app implements it over the engine's validator.
 *
 * <p>The editor calls it off the FX thread after each typing pause with the whole text, and drops
 * the result if the text changed meanwhile, so an implementation may take a few milliseconds but
 * must be thread-safe. It must not throw on bad input: a text that does not parse is itself a
 * problem to report (with the parser's line and column).
 */
@FunctionalInterface
public interface DiagnosticsProvider {

  /** The problems in {@code text}, in any order; empty when there are none. */
  List<Problem> diagnose(String text);

  /** A provider that never reports anything. */
  DiagnosticsProvider NONE = text -> List.of();
}
