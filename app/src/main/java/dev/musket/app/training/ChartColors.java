package dev.musket.app.training;

import java.awt.Color;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Paint;

/**
 * The theme's colours for JFreeChart, which paints on a canvas and so cannot be styled by CSS: a
 * few hidden labels carry the looked-up colours ({@code -mw-foreground}, {@code -mw-panel}, ...) as
 * their text fill (training.css), and are read after CSS has been applied. Light and dark themes
 * then colour the charts too; without a theme the defaults below apply.
 */
final class ChartColors {

  private final Label background = probe("chart-color-background");
  private final Label foreground = probe("chart-color-foreground");
  private final Label grid = probe("chart-color-grid");
  private final Label best = probe("chart-color-best");
  private final Label earlyStop = probe("chart-color-early-stop");
  private final Pane probes = new Pane(background, foreground, grid, best, earlyStop);

  ChartColors() {
    probes.setManaged(false);
    probes.setVisible(false);
  }

  /** The hidden node to put into the view, so the probes get the theme's CSS. */
  Pane probes() {
    return probes;
  }

  Color background() {
    return read(background, Color.WHITE);
  }

  Color foreground() {
    return read(foreground, Color.DARK_GRAY);
  }

  Color grid() {
    return read(grid, Color.LIGHT_GRAY);
  }

  Color best() {
    return read(best, new Color(0x2e7d32));
  }

  Color earlyStop() {
    return read(earlyStop, new Color(0xef6c00));
  }

  /**
   * Whether the theme reached the probes. Without training.css (or the theme's colours) every probe
   * keeps the default label colour, so background and foreground read alike: then the fallbacks
   * apply rather than dark text on a dark chart.
   */
  private boolean themed() {
    if (probes.getScene() == null) {
      return false;
    }
    probes.applyCss();
    return !background.getTextFill().equals(foreground.getTextFill());
  }

  private Color read(Label probe, Color fallback) {
    if (!themed()) {
      return fallback;
    }
    Paint paint = probe.getTextFill();
    if (!(paint instanceof javafx.scene.paint.Color c)) {
      return fallback;
    }
    return new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
  }

  private static Label probe(String styleClass) {
    Label label = new Label();
    label.getStyleClass().add(styleClass);
    return label;
  }
}
