package dev.musket.editor.document;

/**
 * One key found in a document: which mapping holds it and where it is written.
 *
 * @param mapPath the mapping that holds the key
 * @param key the key's text, unquoted
 * @param line zero-based line
 * @param column zero-based column of the key's first character
 * @param endColumn zero-based column just after the key
 */
public record KeyEntry(YamlPath mapPath, String key, int line, int column, int endColumn) {

  /** The path of this key's value. */
  public YamlPath valuePath() {
    return mapPath.child(key);
  }
}
