package dev.musket.engine.experiment;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fold and a stage: the {@code <fold>.<stage>} token in Musket's file names, ordered as training
 * runs them (fold by fold, stage by stage).
 */
public record FoldStage(int fold, int stage) implements Comparable<FoldStage> {

  private static final Pattern METRICS_NAME = Pattern.compile("metrics-(\\d+)\\.(\\d+)\\.csv");
  private static final Comparator<FoldStage> ORDER =
      Comparator.comparingInt(FoldStage::fold).thenComparingInt(FoldStage::stage);

  /** {@code 2.1}, as in {@code metrics-2.1.csv}. */
  public String token() {
    return fold + "." + stage;
  }

  /** The fold and stage of a {@code metrics-<fold>.<stage>.csv} file name. */
  public static Optional<FoldStage> ofMetricsFileName(String name) {
    Matcher m = METRICS_NAME.matcher(name);
    return m.matches()
        ? Optional.of(new FoldStage(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  @Override
  public int compareTo(FoldStage o) {
    return ORDER.compare(this, o);
  }
}
