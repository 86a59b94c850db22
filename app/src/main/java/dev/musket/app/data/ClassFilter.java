package dev.musket.app.data;

/**
 * Show only items whose target sets one class of one output; {@link #ALL} shows every item.
 *
 * @param name what the filter list shows (the class name, prefixed by its output when a model has
 *     several outputs)
 */
public record ClassFilter(int output, int classIndex, String name) {

  public static final ClassFilter ALL = new ClassFilter(-1, -1, "All classes");

  public boolean isAll() {
    return output < 0;
  }

  @Override
  public String toString() {
    return name;
  }
}
