package dev.musket.app.training;

import dev.musket.engine.runtime.GpuRequest;
import dev.musket.engine.train.FitOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The launch dialog's logic: Musket's {@code fit} options as editable text and switches, checked as
 * the user types (every problem listed, each naming the field and the bad value), and turned into
 * {@link FitOptions}.
 *
 * <p>GPU fields follow Musket ({@code num_gpus}, {@code gpus_per_net}); without the CUDA backend
 * they are disabled with a note saying training runs on the CPU.
 */
public final class LaunchOptionsViewModel {

  /** More folds than any k-fold split uses; a larger range is a typo. */
  private static final int MAX_FOLDS = 100;

  private final String experiment;
  private final int foldCount;
  private final boolean gpuAvailable;
  private final int cores = Runtime.getRuntime().availableProcessors();

  private final BooleanProperty allFolds = new SimpleBooleanProperty(this, "allFolds", true);
  private final StringProperty folds = new SimpleStringProperty(this, "folds", "");
  private final BooleanProperty allowResume = new SimpleBooleanProperty(this, "allowResume");
  private final BooleanProperty onlyReport = new SimpleBooleanProperty(this, "onlyReport");
  private final StringProperty workers = new SimpleStringProperty(this, "workers");
  private final StringProperty numGpus = new SimpleStringProperty(this, "numGpus", "1");
  private final StringProperty gpusPerNet = new SimpleStringProperty(this, "gpusPerNet", "1");
  private final StringProperty timeLimit = new SimpleStringProperty(this, "timeLimit", "");
  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private String notice = "";
  private final BooleanBinding valid = Bindings.isEmpty(problems);

  /**
   * @param experiment the experiment's name, for the dialog's title
   * @param foldCount the experiment's {@code folds_count}, or 0 when unknown (the engine checks
   *     fold numbers again when it runs)
   * @param gpuAvailable whether the CUDA backend is present
   */
  public LaunchOptionsViewModel(String experiment, int foldCount, boolean gpuAvailable) {
    this.experiment = experiment;
    this.foldCount = foldCount;
    this.gpuAvailable = gpuAvailable;
    workers.set(Integer.toString(cores));
    for (Observable o :
        new Observable[] {
          allFolds, folds, allowResume, onlyReport, workers, numGpus, gpusPerNet, timeLimit
        }) {
      o.addListener(x -> validate());
    }
    validate();
  }

  /** With the GPU backend detected at run time. */
  public LaunchOptionsViewModel(String experiment, int foldCount) {
    this(experiment, foldCount, GpuBackend.available());
  }

  public String experiment() {
    return experiment;
  }

  public int foldCount() {
    return foldCount;
  }

  public BooleanProperty allFoldsProperty() {
    return allFolds;
  }

  /** The folds to train when not all: {@code 0,2} (ranges like {@code 1-3} too). */
  public StringProperty foldsProperty() {
    return folds;
  }

  public BooleanProperty allowResumeProperty() {
    return allowResume;
  }

  public BooleanProperty onlyReportProperty() {
    return onlyReport;
  }

  /** Threads decoding and augmenting images ({@code num_workers}). */
  public StringProperty workersProperty() {
    return workers;
  }

  public StringProperty numGpusProperty() {
    return numGpus;
  }

  public StringProperty gpusPerNetProperty() {
    return gpusPerNet;
  }

  /** Empty for none; seconds ({@code 3600}), {@code 1h30m}, {@code 45m} or {@code 1:30:00}. */
  public StringProperty timeLimitProperty() {
    return timeLimit;
  }

  public boolean gpuAvailable() {
    return gpuAvailable;
  }

  /** A note above the form (e.g. unsaved editor changes that will not train), or empty. */
  public String notice() {
    return notice;
  }

  public void setNotice(String text) {
    notice = text == null ? "" : text;
  }

  /** Shown beside the GPU fields. */
  public String gpuNote() {
    return gpuAvailable
        ? "Each network trains on device 0 of those CUDA shows (CUDA_VISIBLE_DEVICES picks it);"
            + " more GPUs are accepted for Musket compatibility and reported when unused"
        : "No GPU backend in this build: training runs on the CPU";
  }

  /** Every problem with the current input, each naming its field; empty when it can launch. */
  public ObservableList<String> problems() {
    return problems;
  }

  public BooleanBinding validProperty() {
    return valid;
  }

  /** The options to fit with. */
  public FitOptions toFitOptions() {
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("; ", problems));
    }
    return new FitOptions(
        allowResume.get(),
        onlyReport.get(),
        allFolds.get() ? List.of() : parseFolds(new ArrayList<>()),
        parseTime(new ArrayList<>()),
        Integer.parseInt(workers.get().strip()),
        gpuRequest());
  }

  /** The GPU fields, when this build can use them (disabled, they are not the user's choice). */
  private GpuRequest gpuRequest() {
    if (!gpuAvailable) {
      return GpuRequest.NONE;
    }
    return new GpuRequest(
        Integer.parseInt(numGpus.get().strip()), Integer.parseInt(gpusPerNet.get().strip()));
  }

  private void validate() {
    List<String> out = new ArrayList<>();
    if (!allFolds.get()) {
      parseFolds(out);
    }
    positive("Workers", workers.get(), out);
    if (gpuAvailable) {
      Integer gpus = positive("GPUs", numGpus.get(), out);
      Integer perNet = positive("GPUs per network", gpusPerNet.get(), out);
      if (gpus != null && perNet != null && perNet > gpus) {
        out.add("GPUs per network: " + perNet + " is more than the " + gpus + " GPUs to use");
      }
    }
    parseTime(out);
    problems.setAll(out);
  }

  private List<Integer> parseFolds(List<String> out) {
    List<Integer> list = new ArrayList<>();
    String text = folds.get() == null ? "" : folds.get().strip();
    if (text.isEmpty()) {
      out.add("Folds: list the folds to train (e.g. 0,2) or choose all folds");
      return list;
    }
    for (String part : text.split("[,\\s]+")) {
      Matcher range = Pattern.compile("(\\d+)-(\\d+)").matcher(part);
      try {
        if (range.matches()) {
          int from = Integer.parseInt(range.group(1));
          int to = Integer.parseInt(range.group(2));
          if (to < from) {
            out.add("Folds: the range '" + part + "' runs backwards");
            continue;
          }
          if (foldCount > 0 && to >= foldCount) {
            addFold(list, to, out); // one message for the range, not one per fold
            continue;
          }
          if (to - from >= MAX_FOLDS) {
            out.add("Folds: the range '" + part + "' has more than " + MAX_FOLDS + " folds");
            continue;
          }
          for (int f = from; f <= to; f++) {
            addFold(list, f, out);
          }
        } else {
          addFold(list, Integer.parseInt(part), out);
        }
      } catch (NumberFormatException e) {
        out.add("Folds: '" + part + "' is not a fold number; write folds as 0,2 or 1-3");
      }
    }
    return list.stream().distinct().sorted().toList();
  }

  private void addFold(List<Integer> list, int fold, List<String> out) {
    if (foldCount > 0 && fold >= foldCount) {
      out.add(
          "Folds: fold "
              + fold
              + " does not exist; this experiment has folds 0.."
              + (foldCount - 1));
      return;
    }
    list.add(fold);
  }

  private static Integer positive(String field, String text, List<String> out) {
    String s = text == null ? "" : text.strip();
    try {
      int n = Integer.parseInt(s);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    out.add(field + ": '" + s + "' is not a whole number of at least 1");
    return null;
  }

  private Duration parseTime(List<String> out) {
    String text = timeLimit.get() == null ? "" : timeLimit.get().strip();
    if (text.isEmpty()) {
      return null;
    }
    Duration d = TimeLimits.parse(text);
    if (d == null) {
      out.add(
          "Time limit: '"
              + text
              + "' is not a duration; write seconds (3600), 1h30m, 45m or 1:30:00");
    } else if (d.isZero()) {
      out.add("Time limit: must be more than zero; leave it empty for no limit");
    }
    return d;
  }
}
