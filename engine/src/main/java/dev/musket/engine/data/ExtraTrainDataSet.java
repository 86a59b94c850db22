package dev.musket.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The training dataset followed by the items of {@code extra_train_data} (Musket's {@code
 * CompositeDataSet} built by {@code addToTrain}): indices below the main dataset's size are the
 * main dataset's own, so fold and holdout indices keep their meaning, and the extra items come
 * after them.
 *
 * <p>The extra dataset's classes are matched to the main dataset's by name, per output: an {@code
 * image_folder} of extra images may lack some classes, or list them in another order. A class the
 * main dataset does not have is an error, since the network has no output for it.
 */
final class ExtraTrainDataSet implements DataSet {

  private final DataSet main;
  private final DataSet extra;

  /** Per output, the main dataset's class index of each extra class; null where they agree. */
  private final int[][] classMap;

  ExtraTrainDataSet(DataSet main, DataSet extra) {
    this.main = main;
    this.extra = extra;
    this.classMap = classMap(main.classNames(), extra.classNames());
  }

  private static int[][] classMap(List<List<String>> mainClasses, List<List<String>> extraClasses) {
    if (mainClasses.size() != extraClasses.size()) {
      throw new IllegalArgumentException(
          "extra_train_data has "
              + extraClasses.size()
              + " outputs but the training dataset has "
              + mainClasses.size());
    }
    int[][] map = new int[mainClasses.size()][];
    for (int o = 0; o < map.length; o++) {
      List<String> known = mainClasses.get(o);
      List<String> classes = extraClasses.get(o);
      if (classes.equals(known)) {
        continue;
      }
      map[o] = new int[classes.size()];
      List<String> unknown = new ArrayList<>();
      for (int c = 0; c < classes.size(); c++) {
        map[o][c] = known.indexOf(classes.get(c));
        if (map[o][c] < 0) {
          unknown.add(classes.get(c));
        }
      }
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException(
            "extra_train_data has the classes "
                + unknown
                + (map.length > 1 ? " (output " + o + ")" : "")
                + ", which the training dataset does not have; its classes are "
                + known);
      }
    }
    return map;
  }

  /** The number of items of the main dataset: the first extra item's index. */
  int mainSize() {
    return main.size();
  }

  @Override
  public int size() {
    return main.size() + extra.size();
  }

  @Override
  public PredictionItem item(int index) {
    if (index < main.size()) {
      return main.item(index);
    }
    PredictionItem item = extra.item(index - main.size());
    return new PredictionItem(item.id(), item.x(), remap(item.y()));
  }

  @Override
  public String id(int index) {
    return index < main.size() ? main.id(index) : extra.id(index - main.size());
  }

  @Override
  public float[][] target(int index) {
    return index < main.size() ? main.target(index) : remap(extra.target(index - main.size()));
  }

  private float[][] remap(float[][] targets) {
    float[][] out = new float[targets.length][];
    for (int o = 0; o < targets.length; o++) {
      if (classMap[o] == null) {
        out[o] = targets[o];
        continue;
      }
      out[o] = new float[main.classNames().get(o).size()];
      for (int c = 0; c < targets[o].length; c++) {
        out[o][classMap[o][c]] = targets[o][c];
      }
    }
    return out;
  }

  @Override
  public List<List<String>> classNames() {
    return main.classNames();
  }
}
