package dev.musket.app.explorer;

import dev.musket.app.state.ExperimentStatus;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One experiment as the explorer lists it.
 *
 * @param name its path below {@code experiments/} with {@code /} separators (Musket's --name)
 * @param dir its folder
 * @param status what its files say (RUNNING is applied later, from the workbench state)
 * @param score the score by Musket's rule when completed and found, else null
 * @param detail a short explanation for the tooltip (e.g. why the score is missing), may be empty
 */
public record ExperimentInfo(
    String name, Path dir, ExperimentStatus status, Double score, String detail) {

  public Path configFile() {
    return dir.resolve("config.yaml");
  }

  public ExperimentInfo withStatus(ExperimentStatus value) {
    return new ExperimentInfo(name, dir, value, score, detail);
  }

  /** "completed 0.9312", "running", "new". */
  public String statusText() {
    if (status == ExperimentStatus.COMPLETED && score != null) {
      return status.label() + " " + String.format(Locale.ROOT, "%.4f", score);
    }
    return status.label();
  }
}
