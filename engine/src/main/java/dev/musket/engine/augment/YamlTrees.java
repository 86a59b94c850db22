package dev.musket.engine.augment;

import dev.musket.engine.config.ConfigNode;
import dev.musket.engine.config.SourcePosition;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML text into a {@link ConfigNode} tree with positions.
 *
 * <p>Why here: the augmentation work needs ConfigNode trees now (to read its own {@code
 * augmenters.yaml} schema, for tests and for {@code musket preview}) while the config layer's
 * loader is being written in parallel. It resolves scalars by YAML 1.1 rules like PyYAML. At merge
 * the config layer's loader can replace it; nothing depends on more than {@link #parse}.
 */
public final class YamlTrees {
  private YamlTrees() {}

  public static ConfigNode read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file);
  }

  /** Parses one YAML document; an empty document is a null scalar. */
  public static ConfigNode parse(String text, Path file) {
    Node root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    if (root == null) {
      return new ConfigNode.Scalar(null, "", file, SourcePosition.START, "");
    }
    return convert(root, file, "");
  }

  private static ConfigNode convert(Node node, Path file, String path) {
    SourcePosition at = position(node.getStartMark());
    if (node instanceof MappingNode map) {
      List<ConfigNode.Entry> entries = new ArrayList<>();
      for (NodeTuple t : map.getValue()) {
        String key =
            t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
        String childPath = path.isEmpty() ? key : path + "." + key;
        entries.add(
            new ConfigNode.Entry(
                key,
                position(t.getKeyNode().getStartMark()),
                convert(t.getValueNode(), file, childPath)));
      }
      return new ConfigNode.Mapping(entries, file, at, path);
    }
    if (node instanceof SequenceNode seq) {
      List<ConfigNode> items = new ArrayList<>();
      for (int i = 0; i < seq.getValue().size(); i++) {
        items.add(convert(seq.getValue().get(i), file, path + "[" + i + "]"));
      }
      return new ConfigNode.Sequence(items, file, at, path);
    }
    ScalarNode scalar = (ScalarNode) node;
    return new ConfigNode.Scalar(value(scalar), scalar.getValue(), file, at, path);
  }

  private static Object value(ScalarNode scalar) {
    String text = scalar.getValue();
    Tag tag = scalar.getTag();
    try {
      if (Tag.NULL.equals(tag)) {
        return null;
      }
      if (Tag.BOOL.equals(tag)) {
        String t = text.toLowerCase(Locale.ROOT);
        return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
      }
      if (Tag.INT.equals(tag)) {
        return parseInt(text.replace("_", ""));
      }
      if (Tag.FLOAT.equals(tag)) {
        return parseFloat(text.replace("_", "").toLowerCase(Locale.ROOT));
      }
    } catch (NumberFormatException e) {
      return text;
    }
    return text;
  }

  private static Object parseInt(String t) {
    String s = t.startsWith("+") ? t.substring(1) : t;
    boolean negative = s.startsWith("-");
    String digits = negative ? s.substring(1) : s;
    long v;
    if (digits.startsWith("0x")) {
      v = Long.parseLong(digits.substring(2), 16);
    } else if (digits.startsWith("0b")) {
      v = Long.parseLong(digits.substring(2), 2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      v = Long.parseLong(digits.substring(1), 8);
    } else {
      v = Long.parseLong(digits);
    }
    return negative ? -v : v;
  }

  private static Double parseFloat(String t) {
    if (t.endsWith(".inf")) {
      return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (t.endsWith(".nan")) {
      return Double.NaN;
    }
    return Double.parseDouble(t);
  }

  private static SourcePosition position(Mark mark) {
    return mark == null
        ? SourcePosition.START
        : new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
  }
}
