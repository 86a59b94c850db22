package dev.musket.app.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.util.ExportUtils;

/**
 * Writes a chart as PNG or SVG. SVG goes through JFreeChart's {@link ExportUtils}, which needs
 * JFreeSVG on the class path (a dependency of the app for exactly this).
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
        if (!ExportUtils.isJFreeSVGAvailable()) {
          throw new IOException("SVG export needs JFreeSVG (org.jfree.svg) on the class path");
        }
        ExportUtils.writeAsSVG(chart, WIDTH, HEIGHT, file.toFile());
      }
    }
  }

  /** {@code <experiment>-<chart>.<ext>}, with anything unsafe in a file name replaced. */
  static String fileName(String experiment, String chart, Format format) {
    String base = (experiment == null ? "training" : experiment) + "-" + chart;
    return base.replaceAll("[^A-Za-z0-9._-]+", "_") + "." + format.extension();
  }
}
