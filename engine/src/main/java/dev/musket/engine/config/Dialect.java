package dev.musket.engine.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Musket dialect named by a config's first line, {@code #%Musket <Dialect> 1.0}. Only {@link
 * #CLASSIFICATION} is supported; the others are recognised so that their files get one clear
 * diagnostic instead of a flood of "unknown key" errors.
 */
public enum Dialect {
  CLASSIFICATION("Classification"),
  SEGMENTATION("Segmentation"),
  GENERIC("Generic"),
  TEXT_CLASSIFICATION("Text Classification"),
  INSTANCE_SEGMENTATION("Instance Segmentation"),
  GRADIENT_BOOSTING("Gradient Boosting");

  private static final Pattern HEADER =
      Pattern.compile("^\\s*#%\\s*Musket\\s+(.+?)\\s+(\\d+(?:\\.\\d+)*)\\s*$");

  private final String title;

  Dialect(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** The header line as written for this dialect, e.g. {@code #%Musket Classification 1.0}. */
  public String header() {
    return "#%Musket " + title + " 1.0";
  }

  /** The dialect word of a header line, if the line is a Musket header at all. */
  public static Optional<String> headerWord(String line) {
    Matcher m = HEADER.matcher(line);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Matches a header word (case and spaces ignored): "Classification", "text classification"... */
  public static Optional<Dialect> fromHeaderWord(String word) {
    String wanted = word.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    for (Dialect d : values()) {
      if (d.title.replace(" ", "").toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
