package dev.musket.app.theme;

import java.util.Locale;

/** The two looks of the workbench; {@code workbench.css} defines both. */
public enum Theme {
  LIGHT,
  DARK;

  /** Style class on the scene's root that switches {@code workbench.css} to this theme. */
  public String styleClass() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The theme named {@code text} (any case), or LIGHT for anything else. */
  public static Theme parse(String text) {
    return "dark".equalsIgnoreCase(text == null ? "" : text.trim()) ? DARK : LIGHT;
  }
}
