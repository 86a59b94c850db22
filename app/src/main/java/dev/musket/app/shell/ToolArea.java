package dev.musket.app.shell;

/**
 * Where a tool panel lives: beside the editors (right) or under them (bottom, with the console).
 */
public enum ToolArea {
  RIGHT,
  BOTTOM
}
