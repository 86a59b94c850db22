package dev.musket.engine.evaluate;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The evaluation's PNG charts, drawn with JFreeChart into an in-memory image: no screen is needed
 * ({@code java.awt.headless=true} works), and the caller writes the bytes atomically.
 */
public final class EvaluationCharts {

  private static final Color LOW = new Color(247, 251, 255);
  private static final Color HIGH = new Color(8, 48, 107);

  private EvaluationCharts() {}

  /**
   * The confusion matrix as a heatmap, true classes down, predicted across, each cell's count
   * written on it; the colour is the share of the true class's items (a row's recall profile), so
   * small classes are as readable as large ones.
   */
  public static byte[] confusionPng(OutputEvaluation e, String title) throws IOException {
    int k = e.classNames().size();
    int[][] m = e.confusion();
    double[] xs = new double[k * k];
    double[] ys = new double[k * k];
    double[] zs = new double[k * k];
    for (int t = 0; t < k; t++) {
      int rowTotal = 0;
      for (int c = 0; c < k; c++) {
        rowTotal += m[t][c];
      }
      for (int p = 0; p < k; p++) {
        int i = t * k + p;
        xs[i] = p;
        ys[i] = k - 1 - t; // first class at the top, as a table reads
        zs[i] = rowTotal == 0 ? 0 : (double) m[t][p] / rowTotal;
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("confusion", new double[][] {xs, ys, zs});
    String[] names = e.classNames().toArray(String[]::new);
    String[] reversed = new String[k];
    for (int i = 0; i < k; i++) {
      reversed[i] = names[k - 1 - i];
    }
    SymbolAxis predicted = new SymbolAxis("predicted", names);
    SymbolAxis truth = new SymbolAxis("true", reversed);
    XYBlockRenderer renderer = new XYBlockRenderer();
    LookupPaintScale scale = new LookupPaintScale(0, 1.0001, LOW);
    for (int s = 0; s <= 10; s++) {
      scale.add(s / 10.0, blend(s / 10.0));
    }
    renderer.setPaintScale(scale);
    XYPlot plot = new XYPlot(data, predicted, truth, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    Font font = new Font(Font.SANS_SERIF, Font.BOLD, k > 12 ? 9 : 13);
    for (int i = 0; i < xs.length; i++) {
      XYTextAnnotation count =
          new XYTextAnnotation(
              Integer.toString(m[(int) (k - 1 - ys[i])][(int) xs[i]]), xs[i], ys[i]);
      count.setFont(font);
      count.setPaint(zs[i] > 0.5 ? Color.WHITE : Color.BLACK);
      plot.addAnnotation(count);
    }
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    int side = Math.max(360, Math.min(1600, 120 + 48 * k));
    return png(chart, side + 40, side);
  }

  /** Precision, recall and F1 per class as grouped bars. */
  public static byte[] scoresPng(OutputEvaluation e, String title) throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (ClassScores c : e.classes()) {
      data.addValue(c.precision(), "precision", c.name());
      data.addValue(c.recall(), "recall", c.name());
      data.addValue(c.f1(), "F1", c.name());
    }
    JFreeChart chart = ChartFactory.createBarChart(title, "class", "score", data);
    chart.setBackgroundPaint(Color.WHITE);
    var plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.05);
    if (e.classes().size() > 8) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    int width = Math.max(480, Math.min(2000, 160 + 60 * e.classes().size()));
    return png(chart, width, 400);
  }

  private static byte[] png(JFreeChart chart, int width, int height) throws IOException {
    BufferedImage image = chart.createBufferedImage(width, height);
    return ChartUtils.encodeAsPNG(image);
  }

  private static Color blend(double t) {
    return new Color(
        (int) Math.round(LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
        (int) Math.round(LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
        (int) Math.round(LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
  }
}
