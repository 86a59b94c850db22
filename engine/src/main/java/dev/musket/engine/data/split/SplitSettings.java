package dev.musket.engine.data.split;

/**
 * The config properties that decide splits, with Musket's defaults ({@link #DEFAULTS}): {@code
 * testSplit} 0, {@code testSplitSeed} 123, {@code folds_count} 5, {@code random_state} 33, {@code
 * stratified} false, {@code validationSplit} 0.2.
 */
public record SplitSettings(
    double testSplit,
    long testSplitSeed,
    int foldsCount,
    long randomState,
    boolean stratified,
    double validationSplit) {

  public static final SplitSettings DEFAULTS = new SplitSettings(0, 123, 5, 33, false, 0.2);

  /** The split settings of a validated config. */
  public static SplitSettings of(dev.musket.engine.config.DataSpec d) {
    return new SplitSettings(
        d.testSplit(),
        d.testSplitSeed(),
        d.foldsCount(),
        d.randomState(),
        d.stratified(),
        d.validationSplit());
  }

  public SplitSettings {
    if (testSplit < 0 || testSplit >= 1) {
      throw new IllegalArgumentException("testSplit must lie in [0, 1), got " + testSplit);
    }
    if (foldsCount < 1) {
      throw new IllegalArgumentException("folds_count must be at least 1, got " + foldsCount);
    }
    if (validationSplit <= 0 || validationSplit >= 1) {
      throw new IllegalArgumentException(
          "validationSplit must lie in (0, 1), got " + validationSplit);
    }
  }
}
