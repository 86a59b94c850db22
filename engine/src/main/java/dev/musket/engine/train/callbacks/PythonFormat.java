package dev.musket.engine.train.callbacks;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills Keras' checkpoint file name templates, Python {@code str.format} style: {@code
 * weights.{epoch:02d}-{val_loss:.2f}.hdf5} with {@code epoch} counted from 1 and every logged
 * metric by name. Only the format specs such names use are supported: none, {@code d} with width
 * and zero padding, and {@code f}/{@code e}/{@code g} with precision.
 */
final class PythonFormat {

  private static final Pattern FIELD = Pattern.compile("\\{(\\w+)(?::([^{}]*))?}");

  private PythonFormat() {}

  static String format(String template, Map<String, ? extends Number> values) {
    Matcher m = FIELD.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      Number value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException(
            "the file name '"
                + template
                + "' uses {"
                + name
                + "}, which is not logged; logged: "
                + String.join(", ", values.keySet()));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(field(value, m.group(2))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String field(Number value, String spec) {
    if (spec == null || spec.isEmpty()) {
      return value instanceof Integer || value instanceof Long
          ? value.toString()
          : String.valueOf(value.doubleValue());
    }
    char type = spec.charAt(spec.length() - 1);
    if (type == 'd') {
      return String.format(Locale.ROOT, "%" + spec, value.longValue());
    }
    if (type == 'f' || type == 'e' || type == 'g') {
      return String.format(Locale.ROOT, "%" + spec, value.doubleValue());
    }
    throw new IllegalArgumentException("format spec ':" + spec + "' is not supported");
  }
}
