package dev.musket.editor.document;

/**
 * What the cursor is on, in YAML terms: typing a key of some mapping, a value of some key, or a
 * list item that could become either.
 *
 * <p>Completion and hover both start from this, so they agree on where the user is.
 *
 * @param kind what is being typed at the cursor
 * @param path for {@link Kind#KEY} the mapping the key goes in; for {@link Kind#VALUE} the key
 *     whose value it is (for list items: the list's path, e.g. {@code metrics}); for {@link
 *     Kind#LIST_ITEM} the item itself ({@code stages[1]})
 * @param prefix the part of the word already typed before the cursor
 * @param prefixStart offset in the text where {@code prefix} starts
 * @param line zero-based line of the cursor
 * @param indent column where a key typed here starts, used to indent multi-line completions
 * @param flow whether the cursor is inside a one-line flow collection ({@code [..]}, <code>{..}
 *     </code>), where a completed key must stay on the line
 */
public record CursorContext(
    Kind kind, YamlPath path, String prefix, int prefixStart, int line, int indent, boolean flow) {

  /** What is being typed at the cursor. */
  public enum Kind {
    /** A key of the mapping at {@code path}. */
    KEY,
    /** The value of the key at {@code path}, or an item of the list at {@code path}. */
    VALUE,
    /**
     * A block list item with no {@code ':'} yet: either the first key of the item mapping at {@code
     * path}, or a scalar item of the list at {@code path.parent()}.
     */
    LIST_ITEM,
    /** Inside a comment or a block scalar: nothing to offer. */
    NONE
  }

  /** A context offering nothing (comments, block scalars). */
  public static CursorContext none(int offset, int line) {
    return new CursorContext(Kind.NONE, YamlPath.root(), "", offset, line, 0, false);
  }
}
