package dev.musket.engine.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Writes numbers the way Python's {@code repr(float)} does ({@code 0.001}, {@code 1e-05}, {@code
 * 2.7e-05}, {@code 1.0}), so metrics CSVs and summaries read like the ones Musket wrote and tools
 * that compare them as text (diffs, {@code musket analyze} reports) see the same values.
 *
 * <p>Python prints the shortest digits that read back as the same double, in fixed notation when
 * the decimal exponent is in {@code [-4, 16)} and in scientific notation otherwise.
 */
public final class PythonFloats {

  private PythonFloats() {}

  /** Python's {@code repr(float(value))}. */
  public static String repr(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortest(value);
    String sign = value < 0 ? "-" : "";
    String digits = shortest.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - shortest.scale();
    digits = stripTrailingZeros(digits);
    if (exponent >= -4 && exponent < 16) {
      return sign + fixed(digits, exponent);
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = Integer.toString(Math.abs(exponent));
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exp.length() < 2 ? "0" : "") + exp;
  }

  /** PyYAML's float style: repr, with {@code .0} added to a bare exponent so YAML reads a float. */
  public static String yaml(double value) {
    if (Double.isNaN(value)) {
      return ".nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? ".inf" : "-.inf";
    }
    String r = repr(value);
    return r.contains(".") || !r.contains("e") ? r : r.replaceFirst("e", ".0e");
  }

  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == value) {
        return rounded;
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  private static String fixed(String digits, int exponent) {
    if (exponent < 0) {
      return "0." + "0".repeat(-exponent - 1) + digits;
    }
    if (digits.length() <= exponent + 1) {
      return digits + "0".repeat(exponent + 1 - digits.length()) + ".0";
    }
    return digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
  }

  private static String stripTrailingZeros(String digits) {
    int end = digits.length();
    while (end > 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return digits.substring(0, end);
  }
}
