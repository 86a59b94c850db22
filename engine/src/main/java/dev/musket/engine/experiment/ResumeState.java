package dev.musket.engine.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an interrupted run stands, saved after every epoch so {@code --allow_resume} continues from
 * the last completed epoch with the same learning rate, checkpoint best and callback state (best
 * values, patience and cooldown counters, cycle positions), not only from the metrics CSV as Musket
 * did.
 *
 * <p>Epochs count from 0 within a stage, like the metrics CSV; {@link #describe()} names the epoch
 * that runs next.
 *
 * @param epoch the last completed epoch of this fold's stage
 * @param stopped whether a callback ended the stage there (early stopping, NaN loss): resuming then
 *     skips the stage instead of training the epochs it had left, which Musket got wrong
 * @param bestMetric the best primary metric so far, or {@code null} before any
 * @param checkpointState the best-checkpoint policy's state
 * @param callbackStates each stage callback's {@code state()}, in the order the factory built them
 * @param trainerState what the trainer itself must restore (e.g. its data-order seed, iteration
 *     count), as scalars
 */
public record ResumeState(
    int fold,
    int stage,
    int epoch,
    boolean stopped,
    double learningRate,
    Double bestMetric,
    Map<String, Object> checkpointState,
    List<Map<String, Object>> callbackStates,
    Map<String, Object> trainerState) {

  static final int FORMAT_VERSION = 1;

  public ResumeState {
    checkpointState = Collections.unmodifiableMap(new LinkedHashMap<>(checkpointState));
    List<Map<String, Object>> copy = new ArrayList<>();
    callbackStates.forEach(s -> copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(s))));
    callbackStates = Collections.unmodifiableList(copy);
    trainerState = Collections.unmodifiableMap(new LinkedHashMap<>(trainerState));
  }

  public FoldStage foldStage() {
    return new FoldStage(fold, stage);
  }

  /** The epoch training continues with. */
  public int nextEpoch() {
    return epoch + 1;
  }

  /** Where the run picks up, for the log and the workbench: "fold 2, stage 1, epoch 7". */
  public String describe() {
    return "fold " + fold + ", stage " + stage + ", epoch " + nextEpoch();
  }

  Map<String, Object> toYaml() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", FORMAT_VERSION);
    m.put("fold", fold);
    m.put("stage", stage);
    m.put("epoch", epoch);
    m.put("stopped", stopped);
    m.put("lr", learningRate);
    if (bestMetric != null) {
      m.put("bestMetric", bestMetric);
    }
    m.put("checkpoint", new LinkedHashMap<>(checkpointState));
    List<Object> cbs = new ArrayList<>();
    callbackStates.forEach(s -> cbs.add(new LinkedHashMap<>(s)));
    m.put("callbacks", cbs);
    m.put("trainer", new LinkedHashMap<>(trainerState));
    return m;
  }

  @SuppressWarnings("unchecked")
  static ResumeState fromYaml(Map<?, ?> m) {
    int version = ((Number) m.get("version")).intValue();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "resume state format " + version + " is not " + FORMAT_VERSION);
    }
    List<Map<String, Object>> cbs = new ArrayList<>();
    if (m.get("callbacks") instanceof List<?> l) {
      for (Object o : l) {
        cbs.add(o instanceof Map<?, ?> cm ? (Map<String, Object>) cm : Map.of());
      }
    }
    Object best = m.get("bestMetric");
    return new ResumeState(
        ((Number) m.get("fold")).intValue(),
        ((Number) m.get("stage")).intValue(),
        ((Number) m.get("epoch")).intValue(),
        Boolean.TRUE.equals(m.get("stopped")),
        ((Number) m.get("lr")).doubleValue(),
        best instanceof Number n ? n.doubleValue() : null,
        m.get("checkpoint") instanceof Map<?, ?> cp ? (Map<String, Object>) cp : Map.of(),
        cbs,
        m.get("trainer") instanceof Map<?, ?> tr ? (Map<String, Object>) tr : Map.of());
  }
}
