package dev.musket.engine.augment;

import dev.musket.engine.augment.opencv.OpenCvImages;
import dev.musket.engine.augment.opencv.OpenCvOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Musket's {@code BackgroundReplacer}: with probability {@code rate}, pastes the image's foreground
 * onto a random background from the {@code path} folder.
 *
 * <p>Classification images carry no mask, so the foreground is the alpha channel when there is one
 * (4 channels), else every pixel whose colour differs from the top-left corner's by more than
 * {@link #TOLERANCE} (the plain-background photos this augmenter is meant for). The mask is eroded
 * by {@code erosion} pixels; the nested {@code augmenters} are applied to the image and its mask
 * with the same random draws before compositing, so geometric ones move both alike.
 */
final class BackgroundReplacer implements Augmenter {
  static final int TOLERANCE = 12;
  private static final List<String> IMAGE_SUFFIXES =
      List.of(".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff");

  private final List<Path> backgrounds;
  private final double rate;
  private final Param erosion;
  private final Augmenter inner;
  private final ConcurrentHashMap<Path, HwcImage> cache = new ConcurrentHashMap<>();

  private BackgroundReplacer(List<Path> backgrounds, double rate, Param erosion, Augmenter inner) {
    this.backgrounds = backgrounds;
    this.rate = rate;
    this.erosion = erosion;
    this.inner = inner;
  }

  static Augmenter create(AugmenterArgs a, Path baseDir) {
    double rate = a.probability("rate");
    if (!a.isGiven("rate")) {
      a.reportEntry("needs rate (the probability of replacing the background)");
    }
    Param erosion = a.intRange("erosion", 0, 1e3);
    Augmenter inner = new TreeAugmenters.Sequential(a.children("augmenters"), false);
    List<Path> files = new ArrayList<>();
    a.text("path")
        .ifPresentOrElse(
            p -> {
              Path dir = baseDir.resolve(p);
              if (!Files.isDirectory(dir)) {
                a.report(a.node("path").orElseThrow(), "background folder not found: " + dir);
              } else {
                files.addAll(listImages(dir));
                if (files.isEmpty()) {
                  a.report(a.node("path").orElseThrow(), "no images in background folder " + dir);
                }
              }
            },
            () -> a.reportEntry("needs path (a folder of background images)"));
    return new BackgroundReplacer(List.copyOf(files), rate, erosion, inner);
  }

  private static List<Path> listImages(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              f ->
                  IMAGE_SUFFIXES.stream()
                      .anyMatch(x -> f.toString().toLowerCase(Locale.ROOT).endsWith(x)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public HwcImage apply(HwcImage image, SplittableRandom random) {
    if (backgrounds.isEmpty() || random.nextDouble() >= rate) {
      return image;
    }
    long innerSeed = random.nextLong();
    HwcImage fg = inner.apply(image, new SplittableRandom(innerSeed));
    HwcImage mask = inner.apply(foregroundMask(image), new SplittableRandom(innerSeed));
    mask = OpenCvOps.erode(mask, (int) erosion.sample(random));
    Path bgFile = backgrounds.get(random.nextInt(backgrounds.size()));
    HwcImage bg = fitted(background(bgFile), fg);
    HwcImage out = fg.copy();
    byte[] o = out.data();
    byte[] b = bg.data();
    byte[] m = mask.data();
    int c = fg.channels();
    for (int i = 0; i < m.length && i < fg.height() * fg.width(); i++) {
      if ((m[i] & 0xFF) < 128) {
        System.arraycopy(b, i * c, o, i * c, c);
      }
    }
    return out;
  }

  private HwcImage background(Path file) {
    return cache.computeIfAbsent(
        file,
        f -> {
          try {
            return OpenCvImages.decode(Files.readAllBytes(f))
                .orElseThrow(() -> new IllegalStateException("cannot decode background " + f));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read background " + f, e);
          }
        });
  }

  /** The background at the image's size and channel count. */
  private static HwcImage fitted(HwcImage bg, HwcImage like) {
    HwcImage sized = CropPadAugmenters.resizeBack(bg, like.height(), like.width());
    return Channels.adapt(sized, like.channels());
  }

  /** 255 where the image has foreground, 0 for background (one channel). */
  static HwcImage foregroundMask(HwcImage image) {
    int c = image.channels();
    HwcImage mask = HwcImage.blank(image.height(), image.width(), 1);
    byte[] s = image.data();
    byte[] m = mask.data();
    for (int i = 0; i < m.length; i++) {
      boolean fg;
      if (c == 4) {
        fg = (s[i * 4 + 3] & 0xFF) >= 128;
      } else {
        int diff = 0;
        for (int k = 0; k < Math.min(c, 3); k++) {
          diff = Math.max(diff, Math.abs((s[i * c + k] & 0xFF) - (s[k] & 0xFF)));
        }
        fg = diff > TOLERANCE;
      }
      m[i] = (byte) (fg ? 255 : 0);
    }
    return mask;
  }
}
