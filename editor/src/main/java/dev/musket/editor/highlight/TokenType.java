package dev.musket.editor.highlight;

/**
 * Kinds of YAML tokens the editor colours; each maps to one CSS style class in {@code yaml.css}.
 */
public enum TokenType {
  KEY("yaml-key"),
  STRING("yaml-string"),
  NUMBER("yaml-number"),
  CONSTANT("yaml-constant"),
  PLAIN("yaml-plain"),
  COMMENT("yaml-comment"),
  HEADER("yaml-header"),
  TAG("yaml-tag"),
  ANCHOR("yaml-anchor"),
  PUNCTUATION("yaml-punctuation"),
  DOCUMENT("yaml-document");

  private final String styleClass;

  TokenType(String styleClass) {
    this.styleClass = styleClass;
  }

  /** The CSS style class for this token kind. */
  public String styleClass() {
    return styleClass;
  }
}
