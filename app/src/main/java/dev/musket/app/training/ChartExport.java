package dev.musket.app.training;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.util.ExportUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Writes a chart as PNG (JFreeChart's {@link ExportUtils}) or SVG (JFreeSVG directly: {@code
 * ExportUtils.writeAsSVG} of JFreeChart 1.5 calls JFreeSVG's old {@code (int, int)} constructor,
 * which JFreeSVG 5 replaced with {@code (double, double)}).
 */
public final class ChartExport {

  static final int WIDTH = 960;
  static final int HEIGHT = 600;

  /** The formats the export buttons offer, as file extensions. */
  public enum Format {
    PNG,
    SVG;

    String extension() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private ChartExport() {}

  static void write(JFreeChart chart, Format format, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    switch (format) {
      case PNG -> ExportUtils.writeAsPNG(chart, WIDTH, HEIGHT, file.toFile());
      case SVG -> {
        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        SVGUtils.writeToSVG(file.toFile(), g2.getSVGElement());
      }
    }
  }

  /** {@code <experiment>-<chart>.<ext>}, with anything unsafe in a file name replaced. */
  static String fileName(String experiment, String chart, Format format) {
    String base = (experiment == null ? "training" : experiment) + "-" + chart;
    return base.replaceAll("[^A-Za-z0-9._-]+", "_") + "." + format.extension();
  }
}
