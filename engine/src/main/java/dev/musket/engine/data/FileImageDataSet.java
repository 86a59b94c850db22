package dev.musket.engine.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A dataset of image files with known targets, the common form of the image-folder and CSV sources:
 * each entry's image is decoded only when its item is asked for.
 */
public class FileImageDataSet implements DataSet {

  /** One item before decoding. */
  public record Entry(String id, Path file, float[][] target) {}

  private final List<Entry> entries;
  private final List<List<String>> classNames;

  public FileImageDataSet(List<Entry> entries, List<List<String>> classNames) {
    this.entries = List.copyOf(entries);
    this.classNames = classNames.stream().map(List::copyOf).toList();
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public PredictionItem item(int index) {
    Entry e = entries.get(index);
    return new PredictionItem(e.id(), ImageFiles.read(e.file(), index), e.target());
  }

  @Override
  public String id(int index) {
    return entries.get(index).id();
  }

  @Override
  public float[][] target(int index) {
    return entries.get(index).target();
  }

  @Override
  public List<List<String>> classNames() {
    return classNames;
  }

  /** The file of item {@code index}. */
  public Path file(int index) {
    return entries.get(index).file();
  }
}
