package dev.musket.engine.config;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a YAML scalar into the Java value Musket's PyYAML would have made (YAML 1.1 rules: {@code
 * yes}/{@code no} are booleans, {@code 1_000} is an integer, {@code .inf} a float).
 *
 * <p>SnakeYAML's composer already resolved each plain scalar's tag; this class only converts the
 * text, and falls back to the text itself when a number is out of range.
 */
final class ScalarValues {

  private static final Pattern SEXAGESIMAL = Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+");

  private ScalarValues() {}

  static Object convert(Tag tag, String text) {
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return switch (text.toLowerCase(Locale.ROOT)) {
        case "yes", "true", "on", "y" -> Boolean.TRUE;
        default -> Boolean.FALSE;
      };
    }
    if (Tag.INT.equals(tag)) {
      return toLong(text);
    }
    if (Tag.FLOAT.equals(tag)) {
      return toDouble(text);
    }
    return text;
  }

  private static Object toLong(String text) {
    String t = text.replace("_", "");
    int sign = 1;
    if (t.startsWith("-")) {
      sign = -1;
      t = t.substring(1);
    } else if (t.startsWith("+")) {
      t = t.substring(1);
    }
    try {
      BigInteger value;
      if (SEXAGESIMAL.matcher(t).matches()) {
        value = BigInteger.ZERO;
        for (String part : t.split(":")) {
          value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
        }
      } else if (t.startsWith("0x")) {
        value = new BigInteger(t.substring(2), 16);
      } else if (t.startsWith("0b")) {
        value = new BigInteger(t.substring(2), 2);
      } else if (t.length() > 1 && t.startsWith("0")) {
        value = new BigInteger(t.substring(1), 8);
      } else {
        value = new BigInteger(t);
      }
      value = sign < 0 ? value.negate() : value;
      return value.bitLength() < 64 ? (Object) value.longValue() : text;
    } catch (NumberFormatException e) {
      return text;
    }
  }

  private static Object toDouble(String text) {
    String t = text.replace("_", "").toLowerCase(Locale.ROOT);
    switch (t) {
      case ".inf", "+.inf":
        return Double.POSITIVE_INFINITY;
      case "-.inf":
        return Double.NEGATIVE_INFINITY;
      case ".nan":
        return Double.NaN;
      default:
        break;
    }
    try {
      if (t.contains(":")) {
        double sign = t.startsWith("-") ? -1 : 1;
        double value = 0;
        for (String part : t.replaceFirst("^[-+]", "").split(":")) {
          value = value * 60 + Double.parseDouble(part);
        }
        return sign * value;
      }
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
