package dev.musket.engine.config;

import dev.musket.engine.config.validate.Diagnostic;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads config files: the Musket header, the YAML (through {@link YamlReader}, with its limits),
 * and {@code common.yaml} merged the way Musket merges it. Never throws on bad input: every problem
 * is a {@link Diagnostic} of the returned document.
 */
public final class ConfigLoader {

  /** Keys whose sub-keys are merged one by one with common.yaml's (experiment wins per sub-key). */
  private static final Set<String> MERGED_PER_KEY =
      Set.of("declarations", "callbacks", "datasets", "tasks");

  private final YamlLimits limits;

  public ConfigLoader(YamlLimits limits) {
    this.limits = limits;
  }

  public ConfigLoader() {
    this(YamlLimits.DEFAULT);
  }

  /** Reads a file, refusing oversized ones before reading them. */
  public ConfigDocument read(Path file) {
    try {
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        return failed(
            file,
            "the file is "
                + size
                + " bytes; configs larger than "
                + limits.maxBytes()
                + " bytes are refused. Is this really a config.yaml?");
      }
      byte[] bytes = Files.readAllBytes(file);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return parse(text, file);
    } catch (CharacterCodingException e) {
      return failed(file, "the file is not UTF-8 text; save it as UTF-8");
    } catch (IOException e) {
      return failed(file, "cannot read the file: " + e.getMessage());
    }
  }

  private static ConfigDocument failed(Path file, String message) {
    return new ConfigDocument(
        file,
        "",
        null,
        null,
        null,
        List.of(Diagnostic.error(file, "", SourcePosition.START, message)));
  }

  /** Parses config text; {@code file} is only used to name the source in diagnostics. */
  public ConfigDocument parse(String text, Path file) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String headerWord = null;
    SourcePosition headerAt = null;
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length && i < 50; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      Optional<String> word = Dialect.headerWord(line);
      if (word.isPresent()) {
        headerWord = word.get();
        headerAt = new SourcePosition(i + 1, 1);
      }
      break;
    }
    YamlReader.Result yaml = new YamlReader(limits).read(body, file);
    return new ConfigDocument(file, body, headerWord, headerAt, yaml.root(), yaml.diagnostics());
  }

  /**
   * Merges {@code common} into {@code experiment} as Musket does: keys the experiment lacks are
   * copied from common.yaml; for declarations, callbacks, datasets and tasks the sub-keys are
   * merged, the experiment winning per sub-key. Merged values keep common.yaml's file and
   * positions.
   */
  public static ConfigDocument mergeCommon(ConfigDocument experiment, ConfigDocument common) {
    if (!(experiment.root() instanceof ConfigNode.Mapping exp)
        || !(common.root() instanceof ConfigNode.Mapping com)) {
      return experiment;
    }
    List<ConfigNode.Entry> entries = new ArrayList<>();
    for (ConfigNode.Entry e : exp.entries()) {
      Optional<ConfigNode> fromCommon = com.get(e.key());
      if (MERGED_PER_KEY.contains(e.key())
          && e.value() instanceof ConfigNode.Mapping mine
          && fromCommon.isPresent()
          && fromCommon.get() instanceof ConfigNode.Mapping theirs) {
        entries.add(new ConfigNode.Entry(e.key(), e.keyPosition(), mergeMaps(mine, theirs)));
      } else {
        entries.add(e);
      }
    }
    for (ConfigNode.Entry e : com.entries()) {
      if (!exp.has(e.key())) {
        entries.add(e);
      }
    }
    return experiment.withRoot(new ConfigNode.Mapping(entries, exp.file(), exp.position(), ""));
  }

  private static ConfigNode.Mapping mergeMaps(ConfigNode.Mapping mine, ConfigNode.Mapping theirs) {
    List<ConfigNode.Entry> entries = new ArrayList<>(mine.entries());
    for (ConfigNode.Entry e : theirs.entries()) {
      if (!mine.has(e.key())) {
        entries.add(e);
      }
    }
    return new ConfigNode.Mapping(entries, mine.file(), mine.position(), mine.path());
  }

  /**
   * The project folder of an experiment config ({@code <project>/experiments/.../config.yaml}), or
   * empty when the file is not inside a project.
   */
  public static Optional<Path> projectOf(Path configFile) {
    Path dir = configFile.toAbsolutePath().normalize().getParent();
    while (dir != null) {
      if (dir.getFileName() != null && dir.getFileName().toString().equals("experiments")) {
        return Optional.ofNullable(dir.getParent());
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }
}
