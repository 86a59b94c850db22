package dev.musket.app.lrfinder;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The text edit that sets a config's top-level {@code lr}: the value of the top-level {@code lr:}
 * key is replaced where it is written, else {@code lr: <value>} is added as a new top-level entry.
 *
 * <p>Why a YAML parse and not a search for "lr:": the key also appears inside {@code stages:} (a
 * stage's own rate), in comments, in flow mappings and in other keys' text; only the root mapping's
 * key is the experiment's rate. Positions come from the parser's marks, so everything else in the
 * text (comments, formatting, order) is left exactly as the user wrote it.
 */
public final class LrConfigEdit {

  /** Replace the characters in [start, end) of the text with {@code replacement}. */
  public record Edit(int start, int end, String replacement) {
    public String applyTo(String text) {
      return text.substring(0, start) + replacement + text.substring(end);
    }
  }

  private LrConfigEdit() {}

  /**
   * The edit that makes {@code yaml}'s top-level {@code lr} equal {@code lr}.
   *
   * @throws IllegalArgumentException when the text is not YAML, or its root is not a mapping
   */
  public static Edit setLr(String yaml, double lr) {
    String value = format(lr);
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (YAMLException e) {
      throw new IllegalArgumentException(
          "the config is not valid YAML, so lr cannot be placed in it; fix it first: "
              + e.getMessage().lines().findFirst().orElse(""),
          e);
    }
    if (root == null) {
      return append(yaml, value);
    }
    if (!(root instanceof MappingNode mapping)) {
      throw new IllegalArgumentException(
          "the config's top level is not a mapping of keys, so it has no place for lr");
    }
    NodeTuple lrEntry = null;
    for (NodeTuple t : mapping.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("lr")) {
        lrEntry = t; // a repeated key: the last one is the one a loader keeps
      }
    }
    if (lrEntry == null) {
      if (mapping.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
        int close = charIndex(yaml, mapping.getEndMark().getIndex()) - 1;
        boolean empty = mapping.getValue().isEmpty();
        return new Edit(close, close, (empty ? "" : ", ") + "lr: " + value);
      }
      return append(yaml, value);
    }
    int keyEnd = charIndex(yaml, lrEntry.getKeyNode().getEndMark().getIndex());
    Node valueNode = lrEntry.getValueNode();
    int valueStart = charIndex(yaml, valueNode.getStartMark().getIndex());
    int valueEnd = charIndex(yaml, valueNode.getEndMark().getIndex());
    if (valueStart < keyEnd || valueEnd <= valueStart) {
      // an alias (its node is written elsewhere) or nothing written: replace what follows ':'
      int colon = yaml.indexOf(':', keyEnd) + 1;
      int end = colon;
      while (end < yaml.length() && (yaml.charAt(end) == ' ' || yaml.charAt(end) == '\t')) {
        end++;
      }
      if (end < yaml.length() && yaml.charAt(end) == '*') {
        while (end < yaml.length() && ",}] \t\r\n".indexOf(yaml.charAt(end)) < 0) {
          end++;
        }
      }
      return new Edit(colon, end, " " + value);
    }
    return new Edit(valueStart, valueEnd, value);
  }

  private static Edit append(String yaml, String value) {
    boolean needsNewline = !yaml.isEmpty() && !yaml.endsWith("\n");
    return new Edit(
        yaml.length(), yaml.length(), (needsNewline ? "\n" : "") + "lr: " + value + "\n");
  }

  /** SnakeYAML counts code points; Java strings count UTF-16 chars. */
  private static int charIndex(String text, int codePoints) {
    return text.offsetByCodePoints(0, Math.min(codePoints, text.codePointCount(0, text.length())));
  }

  /**
   * A learning rate as a YAML float with three significant digits, always with a decimal point:
   * YAML 1.1 (which SnakeYAML reads) takes {@code 1e-3} for a string, {@code 0.001} for a float.
   */
  public static String format(double lr) {
    if (!(lr > 0) || !Double.isFinite(lr)) {
      throw new IllegalArgumentException("a learning rate must be a positive number, got " + lr);
    }
    String plain =
        new BigDecimal(lr).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }
}
