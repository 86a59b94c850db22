package dev.musket.engine.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Per-channel lookup tables: building them from a pixel function, applying them, and fusing runs of
 * {@link TableAugmenter}s.
 */
final class PixelTables {
  private PixelTables() {}

  /** A per-pixel function of (value, channel). */
  interface PixelFunction {
    double apply(int value, int channel);
  }

  /**
   * Evaluates {@code f} for every value of every channel (256 evaluations per channel instead of
   * one per pixel); {@code truncate} floors after saturating (imgaug's contrast tables: {@code
   * np.clip(table).astype(uint8)}), else rounds half to even.
   */
  static byte[][] of(int channels, PixelFunction f, boolean truncate) {
    byte[][] lut = new byte[channels][256];
    for (int k = 0; k < channels; k++) {
      for (int v = 0; v < 256; v++) {
        double out = f.apply(v, k);
        lut[k][v] =
            (byte) (truncate ? (int) Math.max(0, Math.min(255, out)) : HwcImage.clampRound(out));
      }
    }
    return lut;
  }

  /** A new image with {@code tables[k]} applied to channel k. */
  static HwcImage apply(HwcImage in, byte[][] tables) {
    int c = in.channels();
    byte[] src = in.data();
    byte[] dst = new byte[src.length];
    boolean shared = true;
    for (int k = 1; k < c && shared; k++) {
      shared = Arrays.equals(tables[k], tables[0]);
    }
    if (shared) {
      byte[] table = tables[0];
      for (int i = 0; i < src.length; i++) {
        dst[i] = table[src[i] & 0xFF];
      }
    } else {
      for (int p = 0; p < src.length; p += c) {
        for (int k = 0; k < c; k++) {
          dst[p + k] = tables[k][src[p + k] & 0xFF];
        }
      }
    }
    return new HwcImage(in.height(), in.width(), c, dst);
  }

  /**
   * Replaces each run of two or more consecutive table augmenters by one {@link Fused} augmenter;
   * the others are kept as they are, in order.
   */
  static List<Augmenter> fuseRuns(List<Augmenter> children) {
    List<Augmenter> out = new ArrayList<>();
    List<TableAugmenter> run = new ArrayList<>();
    for (Augmenter child : children) {
      if (child instanceof TableAugmenter table) {
        run.add(table);
        continue;
      }
      flush(run, out);
      out.add(child);
    }
    flush(run, out);
    return List.copyOf(out);
  }

  private static void flush(List<TableAugmenter> run, List<Augmenter> out) {
    if (run.size() == 1) {
      out.add(run.get(0));
    } else if (run.size() > 1) {
      out.add(new Fused(run));
    }
    run.clear();
  }

  /**
   * Table augmenters applied one after the other as one table: each part draws its tables in turn
   * (the draws of applying them separately), and the tables are composed, so the result is the same
   * byte for byte.
   */
  record Fused(List<TableAugmenter> parts) implements TableAugmenter {
    Fused {
      parts = List.copyOf(parts);
    }

    @Override
    public byte[][] tables(int channels, SplittableRandom random) {
      byte[][] t = parts.get(0).tables(channels, random);
      for (int i = 1; i < parts.size(); i++) {
        byte[][] next = parts.get(i).tables(channels, random);
        for (int k = 0; k < channels; k++) {
          for (int v = 0; v < 256; v++) {
            t[k][v] = next[k][t[k][v] & 0xFF];
          }
        }
      }
      return t;
    }
  }
}
