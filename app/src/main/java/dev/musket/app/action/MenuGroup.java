package dev.musket.app.action;

/** The top-level menus, in the order the menu bar shows them. */
public enum MenuGroup {
  FILE("File"),
  EDIT("Edit"),
  VIEW("View"),
  RUN("Run"),
  HELP("Help");

  private final String text;

  MenuGroup(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
