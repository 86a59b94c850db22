package dev.musket.engine.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Musket's test-time augmentation: the prediction is the mean of the network's outputs on several
 * flipped or rotated views of each image.
 *
 * <p>Musket's third mode averaged {orig, h, v, hv} x {0, 90, 180, 270 degrees}: 16 views that are
 * the 8 symmetries of a square, each twice. The mean over those 16 equals the mean over the 8
 * distinct ones, so {@link #FLIPS_AND_ROTATIONS} runs the network 8 times, not 16.
 */
public enum TtaMode {
  NONE,
  /** The image and its mirror image. */
  HORIZONTAL,
  /** The image, mirrored left-right, upside down, and both. */
  HORIZONTAL_AND_VERTICAL,
  /** The 8 symmetries of the square: rotations by quarter turns, with and without a mirror. */
  FLIPS_AND_ROTATIONS;

  /**
   * The mode a config's {@code testTimeAugmentation} or {@code --tta=MODE} names, case-insensitive;
   * {@code null}, empty or {@code none} is {@link #NONE}. As in Musket, any other non-empty value
   * is flips and rotations.
   */
  public static TtaMode parse(String name) {
    if (name == null || name.isBlank()) {
      return NONE;
    }
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "none", "false", "off" -> NONE;
      case "horizontal", "true" -> HORIZONTAL;
      case "horizontal_and_vertical" -> HORIZONTAL_AND_VERTICAL;
      default -> FLIPS_AND_ROTATIONS;
    };
  }

  /** The views averaged, the identity first. */
  public List<TtaView> views() {
    return switch (this) {
      case NONE -> List.of(TtaView.IDENTITY);
      case HORIZONTAL -> List.of(TtaView.IDENTITY, new TtaView(true, false, 0));
      case HORIZONTAL_AND_VERTICAL ->
          List.of(
              TtaView.IDENTITY,
              new TtaView(true, false, 0),
              new TtaView(false, true, 0),
              new TtaView(true, true, 0));
      case FLIPS_AND_ROTATIONS -> {
        List<TtaView> all = new ArrayList<>();
        for (int turns = 0; turns < 4; turns++) {
          all.add(new TtaView(false, false, turns));
          all.add(new TtaView(true, false, turns));
        }
        yield all;
      }
    };
  }

  /** Whether a view turns the image by a quarter (then the input must be square). */
  public boolean rotates() {
    return this == FLIPS_AND_ROTATIONS;
  }
}
