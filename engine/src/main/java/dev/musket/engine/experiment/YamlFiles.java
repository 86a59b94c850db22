package dev.musket.engine.experiment;

import dev.musket.engine.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and writes the experiment folder's small YAML files ({@code summary.yaml}, {@code
 * error.yaml}, {@code inProgress.yaml}, resume states) in PyYAML's default style: leaf collections
 * in flow style, 80 columns, floats as Python prints them. Files written by Musket and by this
 * engine then look alike. Every write is atomic.
 */
final class YamlFiles {

  private YamlFiles() {}

  static void write(Path file, Object value) throws IOException {
    AtomicFiles.writeString(file, dump(value));
  }

  static String dump(Object value) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
    options.setWidth(80);
    options.setIndent(2);
    return new Yaml(new PythonStyleRepresenter(options), options).dump(value);
  }

  /** The file's content as plain Java values, or {@code null} for an empty file. */
  static Object read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    options.setCodePointLimit(16 * 1024 * 1024);
    return new Yaml(new SafeConstructor(options)).load(text);
  }

  /** Doubles as PyYAML's {@code represent_float} writes them. */
  private static final class PythonStyleRepresenter extends Representer {
    PythonStyleRepresenter(DumperOptions options) {
      super(options);
      Represent floats = data -> representScalar(Tag.FLOAT, PythonFloats.yaml((Double) data));
      this.representers.put(Double.class, floats);
    }
  }
}
