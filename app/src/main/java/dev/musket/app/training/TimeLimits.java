package dev.musket.app.training;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a launch time limit as people write one: seconds ({@code 3600}, as Musket's {@code --time}
 * takes), units ({@code 1h30m}, {@code 45m}, {@code 2h 10s}) or a clock ({@code 1:30} is hours and
 * minutes, {@code 1:30:05} adds seconds).
 */
final class TimeLimits {

  private static final Pattern SECONDS = Pattern.compile("\\d+");
  private static final Pattern UNITS =
      Pattern.compile("(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m)?\\s*(?:(\\d+)\\s*s)?");
  private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{1,2})(?::(\\d{1,2}))?");

  private TimeLimits() {}

  /** The duration {@code text} means, or null when it is not one. */
  static Duration parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (SECONDS.matcher(s).matches()) {
        return Duration.ofSeconds(Long.parseLong(s));
      }
      Matcher clock = CLOCK.matcher(s);
      if (clock.matches()) {
        return Duration.ofHours(Long.parseLong(clock.group(1)))
            .plusMinutes(Long.parseLong(clock.group(2)))
            .plusSeconds(clock.group(3) == null ? 0 : Long.parseLong(clock.group(3)));
      }
      Matcher units = UNITS.matcher(s);
      if (units.matches() && !s.isEmpty()) {
        return Duration.ofHours(number(units.group(1)))
            .plusMinutes(number(units.group(2)))
            .plusSeconds(number(units.group(3)));
      }
    } catch (NumberFormatException | ArithmeticException tooLarge) {
      return null;
    }
    return null;
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
