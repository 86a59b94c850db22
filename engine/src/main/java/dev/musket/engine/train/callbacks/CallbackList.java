package dev.musket.engine.train.callbacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stage's callbacks as one, called in order, as Keras' {@code CallbackList} did: the trainer
 * drives a single object, asks one {@link #shouldStop()}, and saves and restores every callback's
 * state as one list (the order is the config's, so it matches on resume).
 */
public final class CallbackList implements TrainingCallback {

  private final List<TrainingCallback> callbacks;

  public CallbackList(List<? extends TrainingCallback> callbacks) {
    this.callbacks = List.copyOf(callbacks);
  }

  public List<TrainingCallback> callbacks() {
    return callbacks;
  }

  @Override
  public String name() {
    return "CallbackList" + callbacks.stream().map(TrainingCallback::name).toList();
  }

  @Override
  public void onRunStart(String experiment) {
    callbacks.forEach(c -> c.onRunStart(experiment));
  }

  @Override
  public void onStageStart(StageContext context) {
    callbacks.forEach(c -> c.onStageStart(context));
  }

  @Override
  public void onEpochStart(int epoch) {
    callbacks.forEach(c -> c.onEpochStart(epoch));
  }

  @Override
  public void onBatchStart(int batch) {
    callbacks.forEach(c -> c.onBatchStart(batch));
  }

  @Override
  public void onBatchEnd(int batch, double loss) {
    callbacks.forEach(c -> c.onBatchEnd(batch, loss));
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> metrics) {
    callbacks.forEach(c -> c.onEpochEnd(epoch, metrics));
  }

  @Override
  public boolean shouldStop() {
    return stoppedBy().isPresent();
  }

  /** The first callback that asks to stop, for the log ("stopped by EarlyStopping"). */
  public Optional<TrainingCallback> stoppedBy() {
    return callbacks.stream().filter(TrainingCallback::shouldStop).findFirst();
  }

  @Override
  public void onStageEnd() {
    callbacks.forEach(TrainingCallback::onStageEnd);
  }

  @Override
  public void onRunEnd() {
    callbacks.forEach(TrainingCallback::onRunEnd);
  }

  /** Each callback's state, in order; what {@code ResumeState.callbackStates} holds. */
  public List<Map<String, Object>> states() {
    List<Map<String, Object>> out = new ArrayList<>();
    callbacks.forEach(c -> out.add(c.state()));
    return out;
  }

  /**
   * Gives each callback its saved state back; call after {@link #onStageStart}.
   *
   * @throws IllegalArgumentException when the saved list does not match these callbacks (the
   *     config's callbacks changed since the run was interrupted)
   */
  public void restoreStates(List<Map<String, Object>> states) {
    if (states.size() != callbacks.size()) {
      throw new IllegalArgumentException(
          "the resume state holds "
              + states.size()
              + " callback states but the stage has "
              + callbacks.size()
              + " callbacks; was the config changed since the run stopped?");
    }
    for (int i = 0; i < callbacks.size(); i++) {
      callbacks.get(i).restoreState(states.get(i));
    }
  }
}
