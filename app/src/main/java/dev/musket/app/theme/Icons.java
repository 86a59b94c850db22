package dev.musket.app.theme;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.shape.SVGPath;

/**
 * Small vector icons for toolbar and menus (16 x 16 paths, filled with the theme's foreground by
 * the {@code workbench-icon} style class, so they follow the theme), and the application icon in
 * its PNG sizes (rendered from {@code icons/musket-workbench.svg}).
 */
public final class Icons {

  public static final Supplier<Node> OPEN = icon("M1 3h5l2 2h7v9H1z M2 7v6h12V7z");
  public static final Supplier<Node> SAVE = icon("M2 1h10l3 3v11H2z M4 2v4h7V2z M5 9h7v5H5z");
  public static final Supplier<Node> NEW = icon("M7 2h2v5h5v2H9v5H7V9H2V7h5z");
  public static final Supplier<Node> THEME =
      icon("M8 1a7 7 0 1 0 0 14a7 7 0 1 0 0-14z M8 3v10a5 5 0 0 0 0-10z");
  public static final Supplier<Node> RUN = icon("M4 2l10 6l-10 6z");
  public static final Supplier<Node> STOP = icon("M3 3h10v10H3z");

  private static final int[] APP_ICON_SIZES = {16, 32, 48, 64, 128, 256};

  private Icons() {}

  /** A fresh icon node for {@code path} each call (a node can only be shown in one place). */
  public static Supplier<Node> icon(String path) {
    return () -> {
      SVGPath shape = new SVGPath();
      shape.setContent(path);
      shape.setFillRule(javafx.scene.shape.FillRule.EVEN_ODD);
      shape.getStyleClass().add("workbench-icon");
      return shape;
    };
  }

  /** The application icon in every size, for {@code stage.getIcons()}. */
  public static List<Image> applicationIcons() {
    return java.util.Arrays.stream(APP_ICON_SIZES)
        .mapToObj(
            size ->
                new Image(
                    Icons.class
                        .getResource("/dev/musket/app/icons/musket-workbench-" + size + ".png")
                        .toExternalForm()))
        .toList();
  }
}
