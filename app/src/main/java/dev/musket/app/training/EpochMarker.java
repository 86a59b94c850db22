package dev.musket.app.training;

/**
 * A vertical line on the epoch charts: where a fold-stage's best weights were saved, or where it
 * stopped early.
 */
public record EpochMarker(Kind kind, int fold, int stage, int epoch) {

  /** What the marker marks. */
  public enum Kind {
    BEST("best"),
    EARLY_STOP("early stop");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** The text beside the line: "best 0.1" (fold 0, stage 1). */
  public String label() {
    return kind.label() + " " + fold + "." + stage;
  }
}
