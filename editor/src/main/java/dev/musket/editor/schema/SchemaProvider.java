package dev.musket.editor.schema;

import dev.musket.editor.document.YamlPath;
import java.util.List;
import java.util.Optional;

/**
 * What the editor may ask about the config language, given a {@link YamlPath}; the app implements
 * it over the engine's schema so the editor never depends on the engine.
 *
 * <p>Paths are the editor's view of where the cursor is: {@link YamlPath#root()} for the top level,
 * {@code stages[0]} inside the first stage, {@code augmentation.Affine} inside an augmenter, {@code
 * callbacks.EarlyStopping} inside a callback, {@code dataset} inside the dataset factory map. List
 * indices are real; use {@link YamlPath#toPattern()} ({@code stages[].lr}) to ignore them.
 *
 * <p>Names that the language leaves open (augmenters under {@code augmentation}, callbacks under
 * {@code callbacks}, dataset factories under {@code dataset}) are simply the keys allowed at that
 * path, and names given as values (architectures, losses, metrics, optimizers) are the values
 * allowed for that key.
 *
 * <p>Implementations must be thread-safe and quick: completion calls them on a background thread
 * after each typing pause, and on the FX thread for Ctrl+Space. Unknown paths give empty results,
 * never exceptions.
 */
public interface SchemaProvider {

  /**
   * The keys allowed in the mapping at {@code mapPath}, in the order to offer them (the editor
   * leaves out those already written). Empty when the path is unknown or accepts any key.
   */
  List<SchemaKey> keys(YamlPath mapPath);

  /**
   * The values allowed for the value at {@code valuePath} (enum constants, known names), in the
   * order to offer them; for a list, the values allowed for each item. For example {@code
   * optimizer} gives the optimizer names and {@code metrics} the metric names. Empty when any value
   * goes or the path is unknown.
   */
  List<SchemaValue> values(YamlPath valuePath);

  /** The documentation of {@code key} in the mapping at {@code mapPath}, if the key is known. */
  default Optional<String> keyDoc(YamlPath mapPath, String key) {
    return keys(mapPath).stream().filter(k -> k.name().equals(key)).map(SchemaKey::doc).findFirst();
  }

  /** The documentation of one {@code value} of the value at {@code valuePath}, if it is known. */
  default Optional<String> valueDoc(YamlPath valuePath, String value) {
    return values(valuePath).stream()
        .filter(v -> v.name().equals(value))
        .map(SchemaValue::doc)
        .findFirst();
  }

  /** A provider that knows nothing: the editor still highlights and edits, without completion. */
  SchemaProvider EMPTY =
      new SchemaProvider() {
        @Override
        public List<SchemaKey> keys(YamlPath mapPath) {
          return List.of();
        }

        @Override
        public List<SchemaValue> values(YamlPath valuePath) {
          return List.of();
        }
      };
}
