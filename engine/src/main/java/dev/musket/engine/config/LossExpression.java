package dev.musket.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A loss as Musket writes it: one name, or a weighted sum such as {@code
 * binary_crossentropy+0.1*dice_loss}. Terms are separated by {@code +}; in each term, {@code *}
 * separates exactly one loss name from any number of weights, which multiply. There is no
 * subtraction and there are no parentheses, and a number starts with a digit (Musket's rules).
 */
public record LossExpression(List<Term> terms) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?");

  public LossExpression {
    terms = List.copyOf(terms);
  }

  /** {@code weight * loss}. */
  public record Term(double weight, String loss) {}

  /** The expression, or why the text is not one. */
  public record Parsed(LossExpression expression, String error) {}

  public boolean isSingle() {
    return terms.size() == 1 && terms.get(0).weight() == 1.0;
  }

  public static Parsed parse(String text) {
    if (text.isBlank()) {
      return new Parsed(null, "it is empty; give a loss name");
    }
    List<Term> terms = new ArrayList<>();
    String[] parts = text.split("\\+", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      if (part.isEmpty()) {
        return new Parsed(
            null, "term " + (i + 1) + " is empty; write terms like 0.5*dice_loss joined by '+'");
      }
      double weight = 1;
      String loss = null;
      for (String token : part.split("\\*", -1)) {
        String t = token.strip();
        if (NUMBER.matcher(t).matches()) {
          weight *= Double.parseDouble(t);
        } else if (NAME.matcher(t).matches()) {
          if (loss != null) {
            return new Parsed(
                null, "the term '" + part + "' multiplies two losses; each term has one loss");
          }
          loss = t;
        } else {
          return new Parsed(
              null,
              "'"
                  + t
                  + "' in '"
                  + part
                  + "' is neither a loss name nor a number"
                  + (t.startsWith(".") || t.startsWith("-")
                      ? " (numbers start with a digit)"
                      : ""));
        }
      }
      if (loss == null) {
        return new Parsed(null, "the term '" + part + "' has no loss name");
      }
      terms.add(new Term(weight, loss));
    }
    return new Parsed(new LossExpression(terms), null);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Term t : terms) {
      if (b.length() > 0) {
        b.append('+');
      }
      if (t.weight() != 1.0) {
        b.append(t.weight()).append('*');
      }
      b.append(t.loss());
    }
    return b.toString();
  }
}
