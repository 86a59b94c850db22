package dev.musket.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of a completed experiment's {@code summary.yaml}, as Musket's {@code generateReports}
 * wrote it: {@code completed: true}, the config's file name, the subsample, the folds trained, one
 * {@link MetricsSummary} per stage and one for all stages together; with {@code skip_bad_images},
 * also the images the run dropped ({@link SkippedImages}).
 */
public record ExperimentSummary(
    String cfgName,
    double subsample,
    List<Integer> folds,
    List<MetricsSummary> stages,
    MetricsSummary allStages,
    SkippedImages skipped) {

  public ExperimentSummary {
    folds = List.copyOf(folds);
    stages = List.copyOf(stages);
  }

  /** A summary of a run whose dataset was not screened for bad images. */
  public ExperimentSummary(
      String cfgName,
      double subsample,
      List<Integer> folds,
      List<MetricsSummary> stages,
      MetricsSummary allStages) {
    this(cfgName, subsample, folds, stages, allStages, SkippedImages.NOT_SCREENED);
  }

  Map<String, Object> toYaml() {
    Map<String, Object> m = new TreeMap<>();
    m.put("completed", true);
    m.put("cfgName", cfgName);
    m.put("subsample", subsample);
    m.put("folds", folds);
    List<Object> st = new ArrayList<>();
    stages.forEach(s -> st.add(s.toYaml()));
    m.put("stages", st);
    m.put("allStages", allStages.toYaml());
    if (skipped.screened()) {
      m.put(SkippedImages.COUNT_KEY, skipped.count());
      m.put(SkippedImages.IDS_KEY, skipped.ids());
    }
    return m;
  }

  static ExperimentSummary fromYaml(Map<?, ?> m) {
    List<Integer> folds = new ArrayList<>();
    if (m.get("folds") instanceof List<?> l) {
      l.forEach(f -> folds.add(((Number) f).intValue()));
    }
    List<MetricsSummary> stages = new ArrayList<>();
    if (m.get("stages") instanceof List<?> l) {
      l.forEach(
          s -> stages.add(MetricsSummary.fromYaml(s instanceof Map<?, ?> sm ? sm : Map.of())));
    }
    Object all = m.get("allStages");
    SkippedImages skipped = SkippedImages.NOT_SCREENED;
    if (m.get(SkippedImages.IDS_KEY) instanceof List<?> ids) {
      skipped = new SkippedImages(true, ids.stream().map(String::valueOf).toList());
    }
    return new ExperimentSummary(
        java.util.Objects.toString(m.get("cfgName"), ExperimentFolder.CONFIG),
        m.get("subsample") instanceof Number n ? n.doubleValue() : 1.0,
        folds,
        stages,
        MetricsSummary.fromYaml(all instanceof Map<?, ?> am ? am : Map.of()),
        skipped);
  }
}
