package dev.musket.app.data;

import dev.musket.engine.data.DataSet;
import dev.musket.engine.data.split.ExperimentSplits;
import dev.musket.engine.data.split.Split;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * What the dataset view knows of an experiment's data without decoding a single image: ids, labels,
 * which items carry each class, and each item's place in the holdout and folds. Built once per
 * experiment off the FX thread; filtering it afterwards is a few bit-set operations, fast enough
 * for the FX thread even at Fashion-MNIST's 70,000 items.
 */
public final class DatasetIndex {

  private final DataSet dataSet;
  private final String[] ids;
  private final String[] labels;
  private final List<ClassFilter> classes = new ArrayList<>();
  private final List<BitSet> classMembers = new ArrayList<>();
  private final BitSet holdout;
  private final List<BitSet> validation = new ArrayList<>();

  public DatasetIndex(DataSet dataSet, ExperimentSplits splits) {
    this.dataSet = dataSet;
    int n = dataSet.size();
    ids = new String[n];
    labels = new String[n];
    List<List<String>> names = dataSet.classNames();
    for (int o = 0; o < names.size(); o++) {
      for (int c = 0; c < names.get(o).size(); c++) {
        String name = names.get(o).get(c);
        classes.add(new ClassFilter(o, c, names.size() > 1 ? (o + 1) + ": " + name : name));
        classMembers.add(new BitSet(n));
      }
    }
    for (int i = 0; i < n; i++) {
      ids[i] = dataSet.id(i);
      labels[i] = dataSet.label(i);
      float[][] target = dataSet.target(i);
      int k = 0;
      for (int o = 0; o < names.size(); o++) {
        for (int c = 0; c < names.get(o).size(); c++, k++) {
          if (o < target.length && c < target[o].length && target[o][c] > 0.5f) {
            classMembers.get(k).set(i);
          }
        }
      }
    }
    holdout = bits(splits.holdout().heldOut(), n);
    for (Split fold : splits.folds()) {
      validation.add(bits(fold.heldOut(), n));
    }
  }

  private static BitSet bits(int[] indices, int n) {
    BitSet set = new BitSet(n);
    for (int i : indices) {
      set.set(i);
    }
    return set;
  }

  public DataSet dataSet() {
    return dataSet;
  }

  public int size() {
    return ids.length;
  }

  public int foldCount() {
    return validation.size();
  }

  public boolean hasHoldout() {
    return !holdout.isEmpty();
  }

  /** Every class of every output, in target order. */
  public List<ClassFilter> classes() {
    return List.copyOf(classes);
  }

  /** The split filters that make sense here: all, holdout (if any), each fold's two parts. */
  public List<SplitFilter> splitFilters() {
    List<SplitFilter> out = new ArrayList<>();
    out.add(SplitFilter.ALL);
    if (hasHoldout()) {
      out.add(SplitFilter.HOLDOUT);
    }
    for (int f = 0; f < foldCount(); f++) {
      out.add(SplitFilter.train(f));
      out.add(SplitFilter.validation(f));
    }
    return out;
  }

  /** The items passing all three filters, in dataset order; {@code text} matches ids. */
  public int[] filter(ClassFilter cls, SplitFilter split, String text) {
    BitSet shown = members(split);
    if (!cls.isAll()) {
      shown.and(classMembers.get(classes.indexOf(cls)));
    }
    String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (!needle.isEmpty()) {
      for (int i = shown.nextSetBit(0); i >= 0; i = shown.nextSetBit(i + 1)) {
        if (!ids[i].toLowerCase(Locale.ROOT).contains(needle)) {
          shown.clear(i);
        }
      }
    }
    return shown.stream().toArray();
  }

  /** The items of {@code split} (a fresh set the caller may change). */
  public BitSet members(SplitFilter split) {
    BitSet all = new BitSet(size());
    all.set(0, size());
    BitSet out =
        switch (split.kind()) {
          case ALL -> all;
          case HOLDOUT -> (BitSet) holdout.clone();
          case VALIDATION -> (BitSet) validation.get(split.fold()).clone();
          case TRAIN -> {
            all.andNot(holdout);
            all.andNot(validation.get(split.fold()));
            yield all;
          }
        };
    return out;
  }

  /** Where item {@code i} sits: {@code holdout}, {@code val fold 2}, or {@code train}. */
  public String membership(int i) {
    if (holdout.get(i)) {
      return "holdout";
    }
    StringBuilder folds = new StringBuilder();
    for (int f = 0; f < validation.size(); f++) {
      if (validation.get(f).get(i)) {
        folds.append(folds.length() == 0 ? "" : ",").append(f);
      }
    }
    return folds.length() == 0 ? "train" : "val fold " + folds;
  }

  public DatasetItem item(int i) {
    return new DatasetItem(i, ids[i], labels[i], membership(i));
  }

  /** How many items of {@code split} carry each class, in {@link #classes()} order. */
  public int[] classCounts(SplitFilter split) {
    BitSet in = members(split);
    int[] counts = new int[classes.size()];
    for (int k = 0; k < counts.length; k++) {
      BitSet both = (BitSet) classMembers.get(k).clone();
      both.and(in);
      counts[k] = both.cardinality();
    }
    return counts;
  }
}
