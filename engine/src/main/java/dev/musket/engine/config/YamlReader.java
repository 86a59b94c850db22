package dev.musket.engine.config;

import dev.musket.engine.config.validate.Diagnostic;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads YAML text into a {@link ConfigNode} tree, safely.
 *
 * <p>SnakeYAML is used only to <em>compose</em> nodes: nothing is ever constructed from a tag, so a
 * file cannot make the engine instantiate arbitrary types. Tags other than YAML's standard ones are
 * rejected, size, nesting and aliases are bounded ({@link YamlLimits}), and every failure becomes a
 * {@link Diagnostic} with a line: this class never throws on bad input.
 */
public final class YamlReader {

  /**
   * The standard YAML 1.1 tags a config may use; anything else (e.g. {@code !!python/object}) is
   * refused.
   */
  private static final Set<String> STANDARD_TAGS =
      Set.of(
          "null",
          "bool",
          "int",
          "float",
          "str",
          "binary",
          "timestamp",
          "seq",
          "map",
          "set",
          "omap",
          "pairs",
          "merge",
          "value");

  private final YamlLimits limits;

  public YamlReader(YamlLimits limits) {
    this.limits = limits;
  }

  public YamlReader() {
    this(YamlLimits.DEFAULT);
  }

  /** The tree of the (single) document in {@code text}, or no tree and the reasons why not. */
  public record Result(ConfigNode root, List<Diagnostic> diagnostics) {
    public boolean hasTree() {
      return root != null;
    }
  }

  public Result read(String text, Path file) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (text.length() > limits.maxBytes()) {
      diagnostics.add(
          Diagnostic.error(
              file,
              "",
              SourcePosition.START,
              "the file has "
                  + text.length()
                  + " characters; configs larger than "
                  + limits.maxBytes()
                  + " are refused. Is this really a config.yaml?"));
      return new Result(null, diagnostics);
    }
    Node node;
    try {
      Iterator<Node> documents = newYaml().composeAll(new StringReader(text)).iterator();
      node = documents.hasNext() ? documents.next() : null;
      if (node != null && documents.hasNext()) {
        Node second = documents.next();
        diagnostics.add(
            Diagnostic.error(
                file,
                "",
                position(second == null ? null : second.getStartMark()),
                "the file holds more than one YAML document ('---'); a config is one document"));
      }
    } catch (MarkedYAMLException e) {
      diagnostics.add(Diagnostic.error(file, "", position(e.getProblemMark()), syntaxMessage(e)));
      return new Result(null, diagnostics);
    } catch (YAMLException | StackOverflowError e) {
      diagnostics.add(Diagnostic.error(file, "", SourcePosition.START, limitMessage(e)));
      return new Result(null, diagnostics);
    }
    if (node == null) {
      return new Result(null, diagnostics);
    }
    Converter converter = new Converter(file, diagnostics);
    ConfigNode root = converter.convert(node, "", 0);
    return new Result(converter.aborted ? null : root, diagnostics);
  }

  private Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxDepth());
    options.setCodePointLimit(limits.maxBytes());
    options.setAllowDuplicateKeys(true); // reported by validation, with both positions
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    // Nothing is ever constructed from a tag (we only compose), so let every tag through to
    // checkTag, which refuses non-standard ones with a clear message and keeps validating the rest.
    options.setTagInspector(tag -> true);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
  }

  private String syntaxMessage(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
    String context = e.getContext();
    String text = "YAML syntax error: " + problem;
    if (context != null && !context.isBlank()) {
      text += " (" + context + ")";
    }
    if (problem.contains("mapping values are not allowed")) {
      text += "; check the indentation, or quote a value that contains ': '";
    } else if (problem.contains("found character '\\t'")) {
      text += "; YAML indents with spaces, not tabs";
    }
    return text;
  }

  private String limitMessage(Throwable e) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof StackOverflowError || message.contains("Nesting Depth")) {
      return "the YAML nests deeper than "
          + limits.maxDepth()
          + " levels; a config is a few levels deep";
    }
    if (message.contains("aliases")) {
      return "the YAML uses more than "
          + limits.maxAliases()
          + " aliases (*name) of lists or maps; this looks like an alias bomb and is refused";
    }
    if (message.contains("code points")) {
      return "the file is larger than "
          + limits.maxBytes()
          + " characters; configs that large are refused";
    }
    return "cannot read the YAML: " + message;
  }

  static SourcePosition position(Mark mark) {
    return mark == null
        ? SourcePosition.START
        : new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** SnakeYAML nodes to ConfigNodes; counts nodes so expanded aliases cannot blow up memory. */
  private final class Converter {
    private final Path file;
    private final List<Diagnostic> diagnostics;
    private int nodes;
    private boolean aborted;

    Converter(Path file, List<Diagnostic> diagnostics) {
      this.file = file;
      this.diagnostics = diagnostics;
    }

    ConfigNode convert(Node node, String path, int depth) {
      SourcePosition at = position(node.getStartMark());
      if (aborted) {
        return null;
      }
      if (++nodes > limits.maxNodes() || depth > limits.maxDepth()) {
        aborted = true;
        diagnostics.add(
            Diagnostic.error(
                file,
                path,
                at,
                depth > limits.maxDepth()
                    ? "the YAML nests deeper than "
                        + limits.maxDepth()
                        + " levels (through aliases)"
                    : "the YAML expands to more than "
                        + limits.maxNodes()
                        + " values (through aliases); this looks like an alias bomb and is refused"));
        return null;
      }
      checkTag(node, path, at);
      if (node instanceof ScalarNode scalar) {
        return new ConfigNode.Scalar(
            ScalarValues.convert(scalar.getTag(), scalar.getValue()),
            scalar.getValue(),
            file,
            at,
            path);
      }
      if (node instanceof SequenceNode sequence) {
        List<ConfigNode> items = new ArrayList<>();
        int i = 0;
        for (Node item : sequence.getValue()) {
          ConfigNode converted = convert(item, path + "[" + i++ + "]", depth + 1);
          if (converted != null) {
            items.add(converted);
          }
        }
        return new ConfigNode.Sequence(items, file, at, path);
      }
      MappingNode mapping = (MappingNode) node;
      List<ConfigNode.Entry> entries = new ArrayList<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (Tag.MERGE.equals(keyNode.getTag())) {
          mergeInto(entries, tuple.getValueNode(), path, depth);
          continue;
        }
        SourcePosition keyAt = position(keyNode.getStartMark());
        if (!(keyNode instanceof ScalarNode keyScalar)) {
          diagnostics.add(
              Diagnostic.error(
                  file, path, keyAt, "a key must be a plain name, not a list or a map"));
          continue;
        }
        String key = keyScalar.getValue();
        ConfigNode value = convert(tuple.getValueNode(), childPath(path, key), depth + 1);
        if (value != null) {
          entries.add(new ConfigNode.Entry(key, keyAt, value));
        }
      }
      return new ConfigNode.Mapping(entries, file, at, path);
    }

    /** YAML merge keys ({@code <<: *defaults}): entries not already present are copied in. */
    private void mergeInto(List<ConfigNode.Entry> entries, Node source, String path, int depth) {
      List<Node> sources = source instanceof SequenceNode seq ? seq.getValue() : List.of(source);
      for (Node s : sources) {
        if (!(convert(s, path, depth + 1) instanceof ConfigNode.Mapping merged)) {
          diagnostics.add(
              Diagnostic.error(
                  file,
                  path,
                  position(s.getStartMark()),
                  "'<<' must merge a map or a list of maps"));
          continue;
        }
        for (ConfigNode.Entry e : merged.entries()) {
          if (entries.stream().noneMatch(existing -> existing.key().equals(e.key()))) {
            entries.add(e);
          }
        }
      }
    }

    private void checkTag(Node node, String path, SourcePosition at) {
      Tag tag = node.getTag();
      String value = tag.getValue();
      boolean standard =
          value.startsWith(Tag.PREFIX)
              && STANDARD_TAGS.contains(value.substring(Tag.PREFIX.length()));
      if (!standard) {
        String shown =
            value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
        diagnostics.add(
            Diagnostic.error(
                file,
                path,
                at,
                "the tag '"
                    + shown
                    + "' is not allowed; only standard YAML tags (!!str, !!int, !!float, !!bool,"
                    + " !!null, !!seq, !!map) may be used"));
      }
    }
  }

  static String childPath(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }
}
