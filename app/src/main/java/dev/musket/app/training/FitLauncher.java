package dev.musket.app.training;

import dev.musket.engine.events.CancellationToken;
import dev.musket.engine.events.TrainingListener;
import dev.musket.engine.train.FitOptions;
import dev.musket.engine.train.FitResult;
import java.nio.file.Path;

/**
 * Runs one experiment's fit on the calling (background) thread, blocking until it ends.
 *
 * <p>Why an interface: the queue's tests run a real engine fit for the ordering and cancellation
 * behaviour, and a scripted one where they need to act in the middle of a run.
 */
@FunctionalInterface
public interface FitLauncher {

  /**
   * @param name the experiment's path under {@code experiments/}
   * @param listener receives the engine's events on the training thread; it must return quickly
   */
  FitResult fit(
      Path project,
      String name,
      FitOptions options,
      TrainingListener listener,
      CancellationToken token)
      throws Exception;
}
