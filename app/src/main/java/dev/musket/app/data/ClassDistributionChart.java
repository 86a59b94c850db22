package dev.musket.app.data;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * How many items carry each class, per split: all items, each fold's validation part, and the
 * holdout, so an unbalanced class or a skewed fold is seen at a glance.
 */
final class ClassDistributionChart extends BarChart<String, Number> {

  ClassDistributionChart(ObservableList<ClassSeries> distribution) {
    super(new CategoryAxis(), new NumberAxis());
    getStyleClass().add("class-distribution");
    setTitle("Class distribution");
    setAnimated(false);
    setLegendVisible(true);
    getYAxis().setLabel("items");
    distribution.addListener((ListChangeListener<ClassSeries>) c -> show(distribution));
    show(distribution);
  }

  private void show(ObservableList<ClassSeries> distribution) {
    getData().clear();
    for (ClassSeries s : distribution) {
      XYChart.Series<String, Number> series = new XYChart.Series<>();
      series.setName(s.name());
      for (int k = 0; k < s.counts().length; k++) {
        series.getData().add(new XYChart.Data<>(s.classes().get(k), s.counts()[k]));
      }
      getData().add(series);
    }
  }
}
