package dev.musket.app.theme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

/**
 * Loads the workbench's stylesheets onto a scene and switches its theme.
 *
 * <p>Which files: {@code workbench.css} first, then every name listed in {@code stylesheets.list}
 * beside it (one file name a line, {@code #} comments). A feature adds its {@code <feature>.css} by
 * adding one line there (or attaches it to its own view with {@code getStylesheets()}; either way
 * it uses only the {@code -mw-*} colours, which the root defines). Why a list and not a folder
 * scan: a classpath folder cannot be listed reliably inside a jar, and a missing entry fails loudly
 * here instead of silently losing styles.
 *
 * <p>Switching the theme only toggles the {@code dark} style class on the scene's root; every
 * colour is a looked-up colour that {@code .root.dark} overrides.
 */
public final class Stylesheets {

  static final String MAIN = "workbench.css";
  static final String INDEX = "stylesheets.list";

  private final ObjectProperty<Theme> theme =
      new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);

  /** The stylesheets' URLs, main first. */
  public static List<String> urls() {
    List<String> out = new ArrayList<>();
    out.add(resource(MAIN));
    for (String name : listedNames()) {
      out.add(resource(name));
    }
    return out;
  }

  /** Adds the stylesheets to {@code scene} and keeps its root's style class on the theme. */
  public void install(Scene scene) {
    scene.getStylesheets().addAll(urls());
    apply(scene, theme.get());
    theme.addListener((obs, old, now) -> apply(scene, now));
    scene.rootProperty().addListener((obs, old, now) -> apply(scene, theme.get()));
  }

  public ObjectProperty<Theme> themeProperty() {
    return theme;
  }

  private static void apply(Scene scene, Theme theme) {
    var classes = scene.getRoot().getStyleClass();
    for (Theme t : Theme.values()) {
      classes.remove(t.styleClass());
    }
    classes.add(theme.styleClass());
  }

  static List<String> listedNames() {
    List<String> names = new ArrayList<>();
    try (InputStream in = Stylesheets.class.getResourceAsStream(INDEX)) {
      if (in == null) {
        return names;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#") && !name.equals(MAIN)) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stylesheet index " + INDEX, e);
    }
    return names;
  }

  private static String resource(String name) {
    URL url = Stylesheets.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException(
          "stylesheet " + name + " is listed in " + INDEX + " but is not on the classpath");
    }
    return url.toExternalForm();
  }
}
