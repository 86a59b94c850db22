package dev.musket.app.data;

/**
 * Which items of the split to show: all, the holdout, or one fold's training or validation part.
 *
 * @param fold the fold (0-based, as in {@code metrics-<fold>.<stage>.csv}); -1 for {@code ALL} and
 *     {@code HOLDOUT}
 */
public record SplitFilter(Kind kind, int fold) {

  public static final SplitFilter ALL = new SplitFilter(Kind.ALL, -1);
  public static final SplitFilter HOLDOUT = new SplitFilter(Kind.HOLDOUT, -1);

  public enum Kind {
    ALL,
    HOLDOUT,
    TRAIN,
    VALIDATION
  }

  public static SplitFilter train(int fold) {
    return new SplitFilter(Kind.TRAIN, fold);
  }

  public static SplitFilter validation(int fold) {
    return new SplitFilter(Kind.VALIDATION, fold);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case ALL -> "All splits";
      case HOLDOUT -> "Holdout";
      case TRAIN -> "Fold " + fold + " train";
      case VALIDATION -> "Fold " + fold + " validation";
    };
  }
}
