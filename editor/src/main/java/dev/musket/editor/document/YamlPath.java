package dev.musket.editor.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where a node sits in a YAML document, as the chain of map keys and list indices from the root.
 *
 * <p>It is the editor's one vocabulary for "where is the cursor", shared by completion, hover and
 * the {@code SchemaProvider} SPI, so a provider never has to parse YAML itself. The text form is
 * the familiar one: {@code ""} for the root, {@code stages[0]}, {@code augmentation.Affine}, {@code
 * stages[1].callbacks.EarlyStopping}.
 */
public final class YamlPath {

  /** One step of a path: a map key or a list index. */
  public sealed interface Segment permits Key, Index {}

  /** A step into a map by key. */
  public record Key(String name) implements Segment {
    public Key {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A step into a list by zero-based index. */
  public record Index(int index) implements Segment {}

  private static final YamlPath ROOT = new YamlPath(List.of());

  private final List<Segment> segments;

  private YamlPath(List<Segment> segments) {
    this.segments = List.copyOf(segments);
  }

  /** The document's root mapping. */
  public static YamlPath root() {
    return ROOT;
  }

  /** A path made of the given segments, root first. */
  public static YamlPath of(List<Segment> segments) {
    return segments.isEmpty() ? ROOT : new YamlPath(segments);
  }

  /**
   * Parses the text form ({@code stages[0].lr}, {@code augmentation.Affine}); an empty string is
   * the root. Keys may not contain dots or brackets in this form.
   */
  public static YamlPath parse(String text) {
    List<Segment> parsed = new ArrayList<>();
    int i = 0;
    StringBuilder key = new StringBuilder();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        flushKey(key, parsed);
        i++;
      } else if (c == '[') {
        flushKey(key, parsed);
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("Unclosed '[' in YAML path: " + text);
        }
        parsed.add(new Index(Integer.parseInt(text.substring(i + 1, close).trim())));
        i = close + 1;
      } else {
        key.append(c);
        i++;
      }
    }
    flushKey(key, parsed);
    return of(parsed);
  }

  private static void flushKey(StringBuilder key, List<Segment> parsed) {
    if (key.length() > 0) {
      parsed.add(new Key(key.toString()));
      key.setLength(0);
    }
  }

  /** The segments, root first. */
  public List<Segment> segments() {
    return segments;
  }

  /** Whether this is the root mapping. */
  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** This path extended by a map key. */
  public YamlPath child(String key) {
    return append(new Key(key));
  }

  /** This path extended by a list index. */
  public YamlPath item(int index) {
    return append(new Index(index));
  }

  private YamlPath append(Segment segment) {
    List<Segment> longer = new ArrayList<>(segments);
    longer.add(segment);
    return new YamlPath(longer);
  }

  /** The path one step up; the root's parent is the root. */
  public YamlPath parent() {
    return segments.isEmpty() ? ROOT : of(segments.subList(0, segments.size() - 1));
  }

  /** The last segment, or {@code null} at the root. */
  public Segment last() {
    return segments.isEmpty() ? null : segments.get(segments.size() - 1);
  }

  /** The map keys only, indices dropped: {@code stages[0].lr} gives {@code [stages, lr]}. */
  public List<String> keyNames() {
    return segments.stream()
        .filter(Key.class::isInstance)
        .map(s -> ((Key) s).name())
        .collect(Collectors.toList());
  }

  /**
   * The path with every index replaced by {@code []}, for schemas that treat all list items alike:
   * {@code stages[3].lr} gives {@code stages[].lr}.
   */
  public String toPattern() {
    return render(true);
  }

  @Override
  public String toString() {
    return render(false);
  }

  private String render(boolean anyIndex) {
    StringBuilder out = new StringBuilder();
    for (Segment segment : segments) {
      if (segment instanceof Key k) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(k.name());
      } else if (segment instanceof Index idx) {
        out.append('[').append(anyIndex ? "" : String.valueOf(idx.index())).append(']');
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof YamlPath that && segments.equals(that.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }
}
