package dev.musket.engine.cli;

import dev.musket.engine.events.TrainingEvent;
import dev.musket.engine.events.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Turns training events into terminal output: one line per fold/stage start and per epoch (its
 * metrics), and on an interactive terminal a single progress line rewritten after every batch.
 * Epochs count from 0, as in the metrics CSV and the resume message.
 */
final class FitProgressPrinter implements TrainingListener {

  private final PrintStream out;
  private final boolean interactive;
  private boolean progressShown;
  private long epochStart = System.nanoTime();

  FitProgressPrinter(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  @Override
  public void onEvent(TrainingEvent event) {
    if (event instanceof TrainingEvent.RunStarted e) {
      line("== " + e.experiment() + ": " + e.folds() + " fold(s) x " + e.stages() + " stage(s)");
    } else if (event instanceof TrainingEvent.StageStarted e) {
      line(
          e.initialEpoch() > 0
              ? "Resuming at fold "
                  + e.fold()
                  + ", stage "
                  + e.stage()
                  + ", epoch "
                  + e.initialEpoch()
              : "fold " + e.fold() + ", stage " + e.stage() + ": " + e.epochs() + " epochs");
    } else if (event instanceof TrainingEvent.BatchEnded e) {
      if (interactive) {
        out.printf(
            Locale.ROOT,
            "\r  epoch %d  batch %d  loss %.4f  lr %.3g  %.0f img/s   ",
            e.epoch(),
            e.batch() + 1,
            e.loss(),
            e.lr(),
            e.imagesPerSecond());
        out.flush();
        progressShown = true;
      }
    } else if (event instanceof TrainingEvent.EpochStarted) {
      epochStart = System.nanoTime();
    } else if (event instanceof TrainingEvent.EpochEnded e) {
      line(
          epochLine(e)
              + String.format(Locale.ROOT, "  (%.0f s)", (System.nanoTime() - epochStart) / 1e9));
    } else if (event instanceof TrainingEvent.EarlyStopped e) {
      line("  early stopping: " + e.monitor() + " did not improve on " + e.best());
    } else if (event instanceof TrainingEvent.LearningRateChanged e) {
      line(String.format(Locale.ROOT, "  lr %.3g -> %.3g", e.oldLr(), e.newLr()));
    } else if (event instanceof TrainingEvent.Notice e) {
      line("   note: " + e.message());
    } else if (event instanceof TrainingEvent.RunFinished e) {
      line("== " + e.experiment() + ": finished, summary.yaml written");
    } else if (event instanceof TrainingEvent.RunCancelled e) {
      line("== " + e.experiment() + ": cancelled");
    } else if (event instanceof TrainingEvent.RunFailed e) {
      line("== " + e.experiment() + ": FAILED: " + e.message() + " (see error.yaml)");
    }
  }

  private static String epochLine(TrainingEvent.EpochEnded e) {
    StringBuilder b =
        new StringBuilder(
            "  fold " + e.fold() + " stage " + e.stage() + " epoch " + e.epoch() + ":");
    for (Map.Entry<String, Double> m : e.metrics().entrySet()) {
      b.append(String.format(Locale.ROOT, " %s=%.4g", m.getKey(), m.getValue()));
    }
    return b.toString();
  }

  private void line(String text) {
    if (progressShown) {
      out.print("\r");
      out.print(" ".repeat(70));
      out.print("\r");
      progressShown = false;
    }
    out.println(text);
  }
}
