package dev.musket.engine.data;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A training dataset with a separate test set appended as its predefined holdout (Musket's {@code
 * holdoutArr}): folds are drawn from the first part only, and the summary's {@code _holdout}
 * metrics are measured on the second, e.g. Fashion-MNIST's 10,000 test images.
 */
final class HoldoutAppendedDataSet implements DataSet {

  private final DataSet train;
  private final DataSet holdout;

  HoldoutAppendedDataSet(DataSet train, DataSet holdout) {
    if (!train.classNames().equals(holdout.classNames())) {
      throw new IllegalArgumentException(
          "the holdout's classes " + holdout.classNames() + " differ from " + train.classNames());
    }
    this.train = train;
    this.holdout = holdout;
  }

  @Override
  public int size() {
    return train.size() + holdout.size();
  }

  @Override
  public PredictionItem item(int index) {
    return index < train.size() ? train.item(index) : holdout.item(index - train.size());
  }

  @Override
  public String id(int index) {
    return index < train.size() ? train.id(index) : "holdout-" + holdout.id(index - train.size());
  }

  @Override
  public float[][] target(int index) {
    return index < train.size() ? train.target(index) : holdout.target(index - train.size());
  }

  @Override
  public List<List<String>> classNames() {
    return train.classNames();
  }

  @Override
  public Optional<int[]> predefinedHoldout() {
    return Optional.of(IntStream.range(train.size(), size()).toArray());
  }
}
