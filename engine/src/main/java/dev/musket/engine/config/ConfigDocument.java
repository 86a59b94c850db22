package dev.musket.engine.config;

import dev.musket.engine.config.validate.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A config file as read: its text, the dialect named by its header (if any), its YAML tree (absent
 * when the YAML could not be read) and the problems met while reading.
 *
 * @param headerWord the dialect word of a {@code #%Musket <Dialect> 1.0} first line, or {@code
 *     null} when the file has no header
 */
public record ConfigDocument(
    Path file,
    String text,
    String headerWord,
    SourcePosition headerPosition,
    ConfigNode root,
    List<Diagnostic> readProblems) {

  public ConfigDocument {
    readProblems = List.copyOf(readProblems);
  }

  public Optional<ConfigNode.Mapping> rootMapping() {
    return root instanceof ConfigNode.Mapping m ? Optional.of(m) : Optional.empty();
  }

  public boolean hasHeader() {
    return headerWord != null;
  }

  /** A copy with another tree (e.g. after merging common.yaml). */
  public ConfigDocument withRoot(ConfigNode newRoot) {
    return new ConfigDocument(file, text, headerWord, headerPosition, newRoot, readProblems);
  }
}
