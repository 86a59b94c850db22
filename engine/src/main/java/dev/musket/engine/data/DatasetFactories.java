package dev.musket.engine.data;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.validate.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dataset factories by the names configs use in {@code dataset: {name: args}}: the built-ins {@code
 * image_folder}, {@code csv}, {@code idx}, plus any that project code registers.
 *
 * <p>Every built-in also takes {@code skip_bad_images: true}: unreadable images are then dropped
 * with a warning and counted ({@link ScreenedDataSet}) instead of stopping the run.
 */
public final class DatasetFactories {

  /** Creates a dataset from its arguments; config problems go to the args as diagnostics. */
  @FunctionalInterface
  public interface Factory {
    DataSet create(DatasetArgs args) throws IOException;
  }

  private record Registered(Factory factory, List<String> positional, List<String> known) {}

  private final Map<String, Registered> factories = new LinkedHashMap<>();

  public static DatasetFactories builtIn() {
    DatasetFactories f = new DatasetFactories();
    f.register(
        "image_folder",
        List.of("path"),
        List.of("path", "skip_bad_images"),
        a -> ImageFolderDataSets.load(a.path("path")));
    f.register(
        "csv",
        List.of("path", "images", "id_column", "label_column"),
        List.of(
            "path",
            "images",
            "id_column",
            "label_column",
            "label_columns",
            "path_column",
            "extension",
            "multi_label",
            "skip_bad_images"),
        DatasetFactories::csv);
    f.register(
        "idx",
        List.of("images", "labels"),
        List.of("images", "labels", "holdout_images", "holdout_labels", "skip_bad_images"),
        a -> {
          DataSet train = IdxDataSet.load(a.path("images"), a.path("labels"));
          if (a.string("holdout_images").isEmpty()) {
            return train;
          }
          return new HoldoutAppendedDataSet(
              train, IdxDataSet.load(a.path("holdout_images"), a.path("holdout_labels")));
        });
    return f;
  }

  /** Adds a factory (project code); {@code positional} names the arguments of the list form. */
  public void register(String name, List<String> positional, List<String> known, Factory factory) {
    factories.put(name, new Registered(factory, List.copyOf(positional), List.copyOf(known)));
  }

  public Set<String> names() {
    return factories.keySet();
  }

  /**
   * Creates the dataset a {@code dataset:} node describes (a one-entry map {@code {name: args}}).
   * Config problems and unreadable sources are diagnostics; the dataset is present only without
   * errors.
   */
  public DatasetBuild create(ConfigNode datasetNode, Path projectDir) {
    List<Diagnostic> problems = new ArrayList<>();
    if (!(datasetNode instanceof ConfigNode.Mapping map) || map.entries().size() != 1) {
      problems.add(
          Diagnostic.error(
              datasetNode.file(),
              datasetNode.path(),
              datasetNode.position(),
              "a dataset is one {factory: arguments} entry, e.g. {image_folder: [data/images]}"));
      return new DatasetBuild(Optional.empty(), problems);
    }
    ConfigNode.Entry entry = map.entries().get(0);
    Registered reg = factories.get(entry.key());
    if (reg == null) {
      problems.add(
          Diagnostic.error(
              datasetNode.file(),
              entry.value().path(),
              entry.keyPosition(),
              "unknown dataset factory '"
                  + entry.key()
                  + "'; known: "
                  + String.join(", ", factories.keySet())));
      return new DatasetBuild(Optional.empty(), problems);
    }
    DatasetArgs args =
        new DatasetArgs(entry.key(), entry.value(), reg.positional(), projectDir, problems);
    args.checkKnown(reg.known());
    if (args.hasErrors()) {
      return new DatasetBuild(Optional.empty(), problems);
    }
    try {
      DataSet ds = reg.factory().create(args);
      if (args.hasErrors()) {
        return new DatasetBuild(Optional.empty(), problems);
      }
      if (args.bool("skip_bad_images", false)) {
        ScreenedDataSet screened = ScreenedDataSet.screen(ds);
        return new DatasetBuild(Optional.of(screened), problems, Optional.of(screened.skipped()));
      }
      return new DatasetBuild(Optional.of(ds), problems);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      args.reportHere(entry.key() + ": " + e.getMessage());
      return new DatasetBuild(Optional.empty(), problems);
    }
  }

  private static DataSet csv(DatasetArgs a) throws IOException {
    Path csv = a.path("path");
    Path images = a.has("images") ? a.path("images") : a.projectDir();
    List<String> labelColumns =
        a.has("label_columns")
            ? a.strings("label_columns")
            : List.of(a.string("label_column").orElse("label"));
    CsvDataSets.Options o =
        new CsvDataSets.Options(
            csv,
            images,
            a.string("id_column").orElse("id"),
            labelColumns,
            a.string("path_column").orElse(null),
            a.string("extension").orElse(null),
            a.bool("multi_label", false));
    if (a.hasErrors()) {
      return null;
    }
    return CsvDataSets.load(o);
  }
}
