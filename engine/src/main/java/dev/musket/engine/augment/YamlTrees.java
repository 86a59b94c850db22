package dev.musket.engine.augment;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.SourcePosition;
import dev.musket.engine.config.YamlReader;
import dev.musket.engine.config.validate.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads YAML text into a {@link ConfigNode} tree with positions, through the config layer's
 * hardened {@link YamlReader} (bounded size, depth and aliases; no object construction), for the
 * schema file and the callers that want an exception rather than diagnostics.
 */
public final class YamlTrees {
  private YamlTrees() {}

  public static ConfigNode read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file);
  }

  /**
   * Parses one YAML document; an empty document is a null scalar.
   *
   * @throws IllegalArgumentException with the first problem as {@code FILE:LINE:COL: message}
   */
  public static ConfigNode parse(String text, Path file) {
    YamlReader.Result result = new YamlReader().read(text, file);
    Optional<Diagnostic> error =
        result.diagnostics().stream().filter(Diagnostic::isError).findFirst();
    if (error.isPresent()) {
      throw new IllegalArgumentException(error.get().format());
    }
    return result.hasTree()
        ? result.root()
        : new ConfigNode.Scalar(null, "", file, SourcePosition.START, "");
  }
}
