package dev.musket.app.experiments;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The theme's colours for a JFreeChart, which knows nothing of CSS: hidden probe labels take their
 * text colour from the stylesheet ({@code .chart-foreground { -fx-text-fill: -mw-foreground; }}
 * ...), and the chart reads them back as AWT colours. So the chart follows the light and dark
 * themes without a colour in Java code; {@link #onChange} fires when the theme switches.
 */
final class ChartColours {

  static final int SERIES = 8;

  private final Group probes = new Group();
  private final Label background = probe("chart-background");
  private final Label panel = probe("chart-panel");
  private final Label foreground = probe("chart-foreground");
  private final Label muted = probe("chart-muted");
  private final Label grid = probe("chart-grid");
  private final List<Label> series = new ArrayList<>();

  ChartColours() {
    for (int i = 0; i < SERIES; i++) {
      series.add(probe("chart-series-" + i));
    }
    probes.setVisible(false);
    probes.setManaged(false);
  }

  private Label probe(String styleClass) {
    Label l = new Label();
    l.getStyleClass().add(styleClass);
    probes.getChildren().add(l);
    return l;
  }

  /** Add to the scene graph under the chart, so the stylesheet reaches the probes. */
  Group probes() {
    return probes;
  }

  void onChange(Runnable action) {
    foreground.textFillProperty().addListener((o, was, now) -> action.run());
    background.textFillProperty().addListener((o, was, now) -> action.run());
  }

  java.awt.Color background() {
    return awt(background.getTextFill());
  }

  java.awt.Color panel() {
    return awt(panel.getTextFill());
  }

  java.awt.Color foreground() {
    return awt(foreground.getTextFill());
  }

  java.awt.Color muted() {
    return awt(muted.getTextFill());
  }

  java.awt.Color grid() {
    return awt(grid.getTextFill());
  }

  java.awt.Color series(int index) {
    return awt(series.get(Math.floorMod(index, SERIES)).getTextFill());
  }

  private static java.awt.Color awt(Paint paint) {
    Color c = paint instanceof Color color ? color : Color.GRAY;
    return new java.awt.Color(
        (float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
  }
}
